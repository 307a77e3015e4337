// Issue 20, part 2: after "modify EncodingAESKey" in the console, pushes encrypted with the old key
// can still arrive; the trigger tries the Previous EncodingAESKey and replies with the key that worked.
import { createCipheriv, createHash } from 'node:crypto';

import { SANDBOX_PUSH, checkReply, pushXml, sandboxEncrypt, signPush, verificationQuery, type PushSpec } from '../../sandbox/push';
import { callTrigger, forgetPushes, useFreshTriggerMemory } from '../helpers/webhook';
import { SAFE, safeBody } from '../unit/push/vectors';

const OLD_KEY = SANDBOX_PUSH.encodingAESKey;
const NEW_KEY = 'R0tatedKey2027abcdefghijklmnopqrstuvwxyzABC';
const OTHER_KEY = 'NeitherKey000abcdefghijklmnopqrstuvwxyzABC1';
const { token, appId } = SANDBOX_PUSH;
const ROTATING = { token, encodingAESKey: NEW_KEY, previousEncodingAESKey: OLD_KEY, appId };

/** What WeChat sends in safe mode, encrypted with `key`. */
function safePush(key: string, spec: PushSpec = { type: 'text', content: '转人工', from: 'oRotate01' }) {
	const signed = signPush({ token, encodingAESKey: key, appId, mode: 'safe' }, pushXml(spec, Math.floor(Date.now() / 1000)));
	return { method: 'POST' as const, query: signed.query, body: signed.body };
}

let nonces = 424242;

/** A safe-mode envelope around any `Encrypt` text, signed with the Token (a new nonce each time, as WeChat does). */
function signedEnvelope(encrypt: string) {
	const timestamp = String(Math.floor(Date.now() / 1000));
	const nonce = String(nonces++);
	const sha1 = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex');
	const query = new URLSearchParams({ signature: sha1(token, timestamp, nonce), timestamp, nonce, encrypt_type: 'aes' });
	query.set('msg_signature', sha1(token, timestamp, nonce, encrypt));
	return { method: 'POST' as const, query: query.toString(), body: safeBody(encrypt) };
}

/** A frame encrypted with `key` whose padding bytes are not all equal (WeChat never sends one). */
function badPadding(key: string): string {
	const aesKey = Buffer.from(`${key}=`, 'base64');
	const xml = Buffer.from(pushXml({ type: 'text' }, 1767225600));
	const head = Buffer.alloc(20);
	head.writeUInt32BE(xml.length, 16);
	const frame = Buffer.concat([head, xml, Buffer.from(appId)]);
	const pad = 32 - (frame.length % 32);
	const padding = Buffer.alloc(pad, pad);
	padding[0] = pad === 1 ? 0 : pad - 1;
	const cipher = createCipheriv('aes-256-cbc', aesKey, aesKey.subarray(0, 16)).setAutoPadding(false);
	return Buffer.concat([cipher.update(Buffer.concat([frame, padding])), cipher.final()]).toString('base64');
}

const SECRETS = [token, OLD_KEY, NEW_KEY, Buffer.from(`${OLD_KEY}=`, 'base64').toString('hex'), Buffer.from(`${NEW_KEY}=`, 'base64').toString('hex')];

useFreshTriggerMemory();

describe('key rotation: current EncodingAESKey first, then the previous one', () => {
	it('a push with the previous key is accepted; the transfer reply is encrypted with that key; the item says "previous"', async () => {
		const call = await callTrigger({ reply: 'transfer' }, ROTATING, safePush(OLD_KEY));
		expect(call.item).toMatchObject({ Content: '转人工', encrypted: true, encryptionKey: 'previous' });
		const withOld = checkReply({ token, encodingAESKey: OLD_KEY, appId, mode: 'safe' }, call.response.status!, '', call.response.body!);
		expect(withOld.problems).toEqual([]);
		expect(withOld.fields).toMatchObject({ ToUserName: 'oRotate01', MsgType: 'transfer_customer_service' });
		expect(JSON.stringify([call.response, call.logs, call.item])).not.toMatch(new RegExp(SECRETS.join('|')));
	});

	it('a push with the current key is accepted and answered with the current key; the item says "current"', async () => {
		const call = await callTrigger({ reply: 'transfer' }, ROTATING, safePush(NEW_KEY));
		expect(call.item).toMatchObject({ encrypted: true, encryptionKey: 'current' });
		const withNew = checkReply({ token, encodingAESKey: NEW_KEY, appId, mode: 'safe' }, call.response.status!, '', call.response.body!);
		expect([withNew.problems, withNew.kind]).toEqual([[], 'transfer_customer_service']);
	});

	it('the worked example opens with either field holding its key', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(Number(SAFE.timestamp) * 1000);
		const request = { method: 'POST' as const, query: SAFE.query, body: safeBody() };
		const asPrevious = { token: SAFE.token, encodingAESKey: NEW_KEY, previousEncodingAESKey: SAFE.encodingAESKey, appId: SAFE.appId };
		expect((await callTrigger({}, asPrevious, request)).item).toMatchObject({ MsgId: '7460012345678901234', encryptionKey: 'previous' });
		forgetPushes();
		const asCurrent = { ...asPrevious, encodingAESKey: SAFE.encodingAESKey, previousEncodingAESKey: NEW_KEY };
		expect((await callTrigger({}, asCurrent, request)).item).toMatchObject({ MsgId: '7460012345678901234', encryptionKey: 'current' });
	});

	it('a key that is neither is refused with both reasons, naming the fields and no key', async () => {
		const call = await callTrigger({}, ROTATING, safePush(OTHER_KEY));
		expect(call.response.status).toBe(401);
		expect(call.response.body).toMatch(
			/^The encrypted message was refused: [a-zA-Z ]+ with the EncodingAESKey; [a-zA-Z ]+ with the Previous EncodingAESKey$/,
		);
		expect(call.item).toBeUndefined();
		expect(call.logs).toEqual([`WeChat push answered 401: ${call.response.body}`]);
	});

	it('padding and AppID are checked with the previous key too', async () => {
		const padding = await callTrigger({}, ROTATING, signedEnvelope(badPadding(OLD_KEY)));
		expect(padding.response.status).toBe(401);
		expect(padding.response.body).toMatch(/; bad padding with the Previous EncodingAESKey$/);
		const foreignAppId = sandboxEncrypt(OLD_KEY, 'wx0000000000000001', pushXml({ type: 'text' }, 1767225600));
		const appIdCall = await callTrigger({}, ROTATING, signedEnvelope(foreignAppId));
		expect(appIdCall.response.body).toMatch(/; the AppID inside does not match the credential with the Previous EncodingAESKey$/);
		const currentAppId = sandboxEncrypt(NEW_KEY, 'wx0000000000000001', pushXml({ type: 'text' }, 1767225600));
		expect((await callTrigger({}, ROTATING, signedEnvelope(currentAppId))).response.body).toMatch(
			/^The encrypted message was refused: the AppID inside does not match the credential with the EncodingAESKey; /,
		);
	});

	it('without a previous key the refusal reads as before', async () => {
		const call = await callTrigger({}, { token, encodingAESKey: NEW_KEY, appId }, signedEnvelope(badPadding(NEW_KEY)));
		expect(call.response.body).toBe('The encrypted message was refused: bad padding');
	});

	it('URL verification (GET) works whichever key the console holds', async () => {
		const query = verificationQuery(token, '1234567890');
		const call = await callTrigger({}, ROTATING, { method: 'GET', query });
		expect([call.response.status, call.response.body]).toEqual([200, '1234567890']);
	});

	it('a Previous EncodingAESKey that is not 43 letters and digits (here 9 characters) stops the trigger (500), logged without the key', async () => {
		const call = await callTrigger({}, { ...ROTATING, previousEncodingAESKey: 'short+key' }, safePush(NEW_KEY));
		expect([call.response.status, call.item]).toEqual([500, undefined]);
		expect(call.logs).toEqual([
			"WeChat Customer Service Trigger cannot answer: The push credential's Previous EncodingAESKey must be 43 characters long, not 9",
		]);
	});
});
