import { createHash } from 'node:crypto';

import { SANDBOX_PUSH, checkReply, isCustomerMessage, pushXml, sandboxDecrypt, signPush, type PushMode, type PushSpec } from '../../sandbox/push';
import { callTrigger, useFreshTriggerMemory, type WebhookCall } from '../helpers/webhook';
import { OFFICIAL, SAFE, safeBody } from '../unit/push/vectors';

const CREDENTIAL = { token: SANDBOX_PUSH.token, encodingAESKey: SANDBOX_PUSH.encodingAESKey, appId: SANDBOX_PUSH.appId };
const PLAIN_CREDENTIAL = { token: SANDBOX_PUSH.token, encodingAESKey: '', appId: '' };
/** How the sandbox signs a push (its own field names, not the credential's). */
const target = (mode: PushMode) => ({ token: SANDBOX_PUSH.token, encodingAESKey: SANDBOX_PUSH.encodingAESKey, appId: SANDBOX_PUSH.appId, mode });

const SECRETS = [SANDBOX_PUSH.token, SANDBOX_PUSH.encodingAESKey, SAFE.token, SAFE.encodingAESKey];
const DERIVED = [SAFE.aesKeyHex, Buffer.from(SAFE.aesKeyHex, 'hex').toString('base64')];

function push(mode: PushMode, spec: PushSpec, options: { timestamp?: number } = {}) {
	const signed = signPush(target(mode), pushXml(spec, Math.floor(Date.now() / 1000)), {
		openid: spec.from ?? 'oSandboxCustomer0001',
		...options,
	});
	return { method: 'POST' as const, query: signed.query, body: signed.body };
}

/** A refusal: status and text, nothing to start, no secret or expected signature anywhere. */
function expectRefused(call: WebhookCall, status: number, body: string | RegExp) {
	expect(call.response.status).toBe(status);
	expect(call.response.headers['Content-Type']).toBe('text/plain; charset=utf-8');
	if (typeof body === 'string') expect(call.response.body).toBe(body);
	else expect(call.response.body).toMatch(body);
	expect(call.result).toEqual({ noWebhookResponse: true });
	expectNoSecrets(call);
}

function expectNoSecrets(call: WebhookCall, extra: string[] = []) {
	const seen = JSON.stringify([call.response, call.logs, call.item ?? null]);
	for (const s of [...SECRETS, ...DERIVED, ...extra]) expect(seen).not.toContain(s);
}

/** The worked example's message as an item: WeChat's names, CreateTime a number, MsgId text. */
const VECTOR_ITEM = {
	ToUserName: 'gh_3f9c2a7e5b1d',
	FromUserName: SAFE.openid,
	CreateTime: 1767225600,
	MsgType: 'text',
	Content: '你好，我要转人工客服',
	MsgId: '7460012345678901234',
	openid: SAFE.openid,
};

useFreshTriggerMemory();

describe('URL verification (GET)', () => {
	it('echoes echostr byte for byte as text/plain when the signature is right (official example)', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(Number(OFFICIAL.get.timestamp) * 1000);
		const g = OFFICIAL.get;
		const call = await callTrigger({}, { token: OFFICIAL.token }, {
			method: 'GET',
			query: `signature=${g.signature}&echostr=${g.echostr}&timestamp=${g.timestamp}&nonce=${g.nonce}`,
		});
		expect(call.response).toEqual({
			status: 200,
			headers: { 'Content-Type': 'text/plain; charset=utf-8' },
			body: g.echostr,
			ended: true,
		});
		expect(call.result).toEqual({ noWebhookResponse: true });
	});

	it('answers 401 and echoes nothing for a wrong signature', async () => {
		const g = OFFICIAL.get;
		const call = await callTrigger({}, { token: 'AnotherToken1' }, {
			method: 'GET',
			query: `signature=${g.signature}&echostr=${g.echostr}&timestamp=${g.timestamp}&nonce=${g.nonce}`,
		});
		expectRefused(call, 401, 'The signature is not valid');
		expect(call.response.body).not.toContain(g.echostr);
		expectNoSecrets(call, ['AnotherToken1']);
	});
});

describe('accepted pushes', () => {
	it('plain mode: the official plain-POST signature, WeChat field names, MsgId as text, CreateTime as a number', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(Number(OFFICIAL.post.timestamp) * 1000);
		const p = OFFICIAL.post;
		const call = await callTrigger({}, { token: OFFICIAL.token }, {
			method: 'POST',
			query: `signature=${p.signature}&timestamp=${p.timestamp}&nonce=${p.nonce}&openid=${SAFE.openid}`,
			body: SAFE.xml,
		});
		expect(call.response).toEqual({
			status: 200,
			headers: { 'Content-Type': 'text/plain; charset=utf-8' },
			body: 'success',
			ended: true,
		});
		expect(call.result.noWebhookResponse).toBe(true);
		expect(call.item).toEqual({
			...VECTOR_ITEM,
			createTimeIso: '2026-01-01T08:00:00+08:00',
			encrypted: false,
			reply: 'success',
		});
	});

	it('safe mode: the worked example decrypts to the same item, encrypted: true, rawXml when asked', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(Number(SAFE.timestamp) * 1000);
		const call = await callTrigger(
			{ options: { includeRawXml: true } },
			{ token: SAFE.token, encodingAESKey: SAFE.encodingAESKey, appId: SAFE.appId },
			{ method: 'POST', query: SAFE.query, body: safeBody() },
			{ timezone: 'UTC' },
		);
		expect(call.response.status).toBe(200);
		expect(call.response.body).toBe('success');
		expect(call.item).toEqual({
			...VECTOR_ITEM,
			createTimeIso: '2026-01-01T00:00:00+00:00',
			encrypted: true,
			encryptionKey: 'current',
			reply: 'success',
			rawXml: SAFE.xml,
		});
		expectNoSecrets(call);
	});

	it('safe mode with transfer: the reply is encrypted and signed, and WeChat (the sandbox) can read it', async () => {
		const call = await callTrigger(
			{ reply: 'transfer', transferKfAccount: 'kf2001@testoa' },
			CREDENTIAL,
			push('safe', { type: 'text', content: 'hi', from: 'oCustomerT1' }),
		);
		expect(call.response.headers['Content-Type']).toBe('text/xml; charset=utf-8');
		const reply = checkReply(target('safe'), call.response.status!, '', call.response.body!);
		expect(reply.problems).toEqual([]);
		expect(reply.encrypted).toBe(true);
		expect(reply.fields).toMatchObject({
			ToUserName: 'oCustomerT1',
			FromUserName: SANDBOX_PUSH.originalId,
			MsgType: 'transfer_customer_service',
			KfAccount: 'kf2001@testoa',
		});
		expect(call.item).toMatchObject({ Content: 'hi', reply: 'transfer_customer_service', encrypted: true });
	});

	it('compatible mode uses only the decrypted message, never the unsigned plain copy', async () => {
		const req = push('compatible', { type: 'text', content: 'real', from: 'oCustomerC1' });
		const tampered = req.body.replace('<Content><![CDATA[real]]></Content>', '<Content><![CDATA[forged]]></Content>');
		expect(tampered).not.toBe(req.body);
		const call = await callTrigger({}, CREDENTIAL, { ...req, body: tampered });
		expect(call.response.body).toBe('success');
		expect(call.item).toMatchObject({ Content: 'real', encrypted: true });
		expect(call.item).not.toHaveProperty('Encrypt');
	});

	it('plain transfer without an agent: a clear reply without TransInfo', async () => {
		const call = await callTrigger({ reply: 'transfer' }, PLAIN_CREDENTIAL, push('plain', { type: 'image', from: 'oC2' }));
		expect(call.response.body).toMatch(
			/^<xml><ToUserName><!\[CDATA\[oC2\]\]><\/ToUserName><FromUserName><!\[CDATA\[gh_5a4b3c2d1e0f\]\]><\/FromUserName><CreateTime>\d+<\/CreateTime><MsgType><!\[CDATA\[transfer_customer_service\]\]><\/MsgType><\/xml>$/,
		);
		expect(call.item).toMatchObject({ MsgType: 'image', PicUrl: 'http://mmbiz.qpic.cn/sandbox/0', reply: 'transfer_customer_service' });
	});

	it('transferOnKeywords: text with a keyword (any case, full-width comma list) transfers; others and events acknowledge', async () => {
		const params = { reply: 'transferOnKeywords', transferKeywords: '人工，客服, HUMAN' };
		const hit = await callTrigger(params, PLAIN_CREDENTIAL, push('plain', { type: 'text', content: 'I want a Human please' }));
		expect(hit.item?.reply).toBe('transfer_customer_service');
		const zh = await callTrigger(params, PLAIN_CREDENTIAL, push('plain', { type: 'text', content: '转人工' }));
		expect(zh.item?.reply).toBe('transfer_customer_service');
		const miss = await callTrigger(params, PLAIN_CREDENTIAL, push('plain', { type: 'text', content: '你好' }));
		expect([miss.response.body, miss.item?.reply]).toEqual(['success', 'success']);
		const voice = await callTrigger(params, PLAIN_CREDENTIAL, push('plain', { type: 'voice', content: '人工' }));
		expect(voice.item?.reply).toBe('success');
		const event = await callTrigger({ reply: 'transfer' }, CREDENTIAL, push('safe', { type: 'kf_close_session', kfAccount: 'alice@x' }));
		expect([event.response.body, event.item?.reply, event.item?.KfAccount]).toEqual(['success', 'success', 'alice@x']);
	});

	it('every message and event type becomes one item with its fields', async () => {
		const expected: Record<string, Record<string, unknown>> = {
			text: { MsgType: 'text', Content: '你好' },
			image: { MsgType: 'image', MediaId: 'sandbox_media_image' },
			voice: { MsgType: 'voice', Format: 'amr', Recognition: '' },
			video: { MsgType: 'video', ThumbMediaId: 'sandbox_media_video_thumb' },
			shortvideo: { MsgType: 'shortvideo', ThumbMediaId: 'sandbox_media_shortvideo_thumb' },
			location: { MsgType: 'location', Location_X: '23.134521', Location_Y: '113.358803', Scale: '20', Label: '广州市天河区' },
			link: { MsgType: 'link', Title: 'Sandbox link', Url: 'https://example.com/sandbox' },
			subscribe: { MsgType: 'event', Event: 'subscribe' },
			unsubscribe: { MsgType: 'event', Event: 'unsubscribe', EventKey: '' },
			kf_create_session: { MsgType: 'event', Event: 'kf_create_session', KfAccount: 'a@x' },
			kf_close_session: { MsgType: 'event', Event: 'kf_close_session', KfAccount: 'a@x' },
			kf_switch_session: { MsgType: 'event', Event: 'kf_switch_session', FromKfAccount: 'a@x', ToKfAccount: 'b@x' },
		};
		for (const [type, fields] of Object.entries(expected)) {
			const spec = { type, kfAccount: 'a@x', fromKfAccount: 'a@x', toKfAccount: 'b@x' } as PushSpec;
			const call = await callTrigger({ events: [type] }, CREDENTIAL, push('safe', spec));
			expect(call.item).toMatchObject({ ...fields, FromUserName: 'oSandboxCustomer0001', openid: 'oSandboxCustomer0001' });
			if (isCustomerMessage(spec.type)) expect(call.item?.MsgId).toMatch(/^74\d{17}$/);
			else expect(call.item).not.toHaveProperty('MsgId');
		}
	});

	it('a push of a type not selected is answered success and starts nothing', async () => {
		const call = await callTrigger({ events: ['kf_close_session'] }, PLAIN_CREDENTIAL, push('plain', { type: 'text' }));
		expect(call.response.body).toBe('success');
		expect(call.result).toEqual({ noWebhookResponse: true });
	});
});

describe('deduplication', () => {
	it('a repeat of a message (same MsgId) gets the same answer and starts nothing', async () => {
		const req = push('safe', { type: 'text', msgId: '7460012345678901999', content: '人工' });
		const params = { reply: 'transfer' };
		const first = await callTrigger(params, CREDENTIAL, req);
		const again = await callTrigger(params, CREDENTIAL, { ...req, query: req.query.replace(/nonce=\d+/, 'nonce=1') });
		expect(again.response.status).toBe(401); // a changed nonce breaks the signature: no dedup shortcut before checks
		const retry = await callTrigger(params, CREDENTIAL, req);
		expect(first.item).toBeDefined();
		expect(retry.response.body).toBe(first.response.body);
		expect(retry.result).toEqual({ noWebhookResponse: true });
		// another node (or workflow) with the same credential is not affected
		const other = await callTrigger(params, CREDENTIAL, req, { nodeId: 'other-node' });
		expect(other.item).toBeDefined();
	});

	it('events repeat by FromUserName + CreateTime + Event; another event in the same second is new', async () => {
		const at = Math.floor(Date.now() / 1000);
		const close = push('plain', { type: 'kf_close_session', from: 'oE1', createTime: at, kfAccount: 'a@x' });
		expect((await callTrigger({}, PLAIN_CREDENTIAL, close)).item).toBeDefined();
		expect((await callTrigger({}, PLAIN_CREDENTIAL, close)).item).toBeUndefined();
		const create = push('plain', { type: 'kf_create_session', from: 'oE1', createTime: at, kfAccount: 'a@x' });
		expect((await callTrigger({}, PLAIN_CREDENTIAL, create)).item).toBeDefined();
	});

	it('with deduplicate off, every delivery starts an execution', async () => {
		const req = push('plain', { type: 'text', msgId: '123' });
		const params = { options: { deduplicate: false } };
		expect((await callTrigger(params, PLAIN_CREDENTIAL, req)).item).toBeDefined();
		expect((await callTrigger(params, PLAIN_CREDENTIAL, req)).item).toBeDefined();
	});

	it('another credential never shares the memory', async () => {
		const req = push('plain', { type: 'text', msgId: '456' });
		expect((await callTrigger({}, PLAIN_CREDENTIAL, req)).item).toBeDefined();
		// same token (so the signature verifies), different AppID: a different credential
		const other = { ...PLAIN_CREDENTIAL, appId: 'wx0123456789abcdef' };
		expect((await callTrigger({}, other, req)).item).toBeDefined();
	});
});

describe('refusals start nothing and record nothing', () => {
	const now = () => Math.floor(Date.now() / 1000);

	it('401: bad signature, missing signature, wrong msg_signature', async () => {
		const req = push('plain', { type: 'text' });
		expectRefused(
			await callTrigger({}, PLAIN_CREDENTIAL, { ...req, query: req.query.replace(/signature=[0-9a-f]+/, 'signature=' + '0'.repeat(40)) }),
			401,
			'The signature is not valid',
		);
		expectRefused(await callTrigger({}, PLAIN_CREDENTIAL, { ...req, query: req.query.replace(/signature=[0-9a-f]+&/, '') }), 401, 'The signature is not valid');
		const safe = push('safe', { type: 'text' });
		expectRefused(
			await callTrigger({}, CREDENTIAL, { ...safe, query: safe.query.replace(/msg_signature=[0-9a-f]+/, 'msg_signature=' + 'a'.repeat(40)) }),
			401,
			'The msg_signature is not valid',
		);
	});

	it('401: stale and future timestamps (default 300 s); maxAgeSeconds 0 turns the check off', async () => {
		const stale = push('plain', { type: 'text' }, { timestamp: now() - 301 });
		expectRefused(await callTrigger({}, PLAIN_CREDENTIAL, stale), 401, "The timestamp is more than 300 seconds away from this server's clock");
		const future = push('safe', { type: 'text' }, { timestamp: now() + 400 });
		expectRefused(await callTrigger({}, CREDENTIAL, future), 401, "The timestamp is more than 300 seconds away from this server's clock");
		expect((await callTrigger({ options: { maxAgeSeconds: 0 } }, PLAIN_CREDENTIAL, stale)).item).toBeDefined();
		const inside = push('plain', { type: 'text' }, { timestamp: now() - 50 });
		expectRefused(await callTrigger({ options: { maxAgeSeconds: 30 } }, PLAIN_CREDENTIAL, inside), 401, "The timestamp is more than 30 seconds away from this server's clock");
	});

	it('401: wrong AppID, tampered ciphertext, bad padding', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(Number(SAFE.timestamp) * 1000);
		const vectorCredential = { token: SAFE.token, encodingAESKey: SAFE.encodingAESKey, appId: 'wx0000000000000001' };
		expectRefused(
			await callTrigger({}, vectorCredential, { method: 'POST', query: SAFE.query, body: safeBody() }),
			401,
			'The encrypted message was refused: the AppID inside does not match the credential',
		);
		jest.restoreAllMocks();
		// Re-sign a tampered ciphertext so that only decryption can notice.
		const sign = (encrypt: string) => {
			const req = push('safe', { type: 'text' });
			const q = new URLSearchParams(req.query);
			const sig = createHash('sha1')
				.update([SANDBOX_PUSH.token, q.get('timestamp')!, q.get('nonce')!, encrypt].sort().join(''))
				.digest('hex');
			q.set('msg_signature', sig);
			return { method: 'POST' as const, query: q.toString(), body: safeBody(encrypt) };
		};
		const req = push('safe', { type: 'text' });
		const encrypt = /<Encrypt><!\[CDATA\[(.*)\]\]><\/Encrypt>/.exec(req.body)![1];
		const bytes = Buffer.from(encrypt, 'base64');
		bytes[bytes.length - 1] ^= 0x55; // the last block decrypts to garbage: padding out of range or unequal
		expectRefused(await callTrigger({}, CREDENTIAL, sign(bytes.toString('base64'))), 401, 'The encrypted message was refused: bad padding');
		const cut = Buffer.from(encrypt, 'base64').subarray(0, 40).toString('base64');
		expectRefused(await callTrigger({}, CREDENTIAL, sign(cut)), 401, 'The encrypted message was refused: the ciphertext length is not a multiple of 32');
		expect(sandboxDecrypt(SANDBOX_PUSH.encodingAESKey, encrypt).appId).toBe(SANDBOX_PUSH.appId);
	});

	it('401: an encrypted push to a plain-only credential', async () => {
		expectRefused(
			await callTrigger({}, PLAIN_CREDENTIAL, push('safe', { type: 'text' })),
			401,
			'The push is encrypted but the credential has no EncodingAESKey and AppID',
		);
	});

	it('400: malformed XML, a DOCTYPE (outer or inside the ciphertext), a message without MsgType, unknown encrypt_type', async () => {
		const signedPlain = (body: string) => {
			const s = signPush(target('plain'), body);
			return { method: 'POST' as const, query: s.query, body: s.body };
		};
		expectRefused(await callTrigger({}, PLAIN_CREDENTIAL, signedPlain('<xml><MsgType>text</xml>')), 400, /^The XML was refused: /);
		expectRefused(
			await callTrigger({}, PLAIN_CREDENTIAL, signedPlain('<!DOCTYPE xml [<!ENTITY e "x">]><xml><Content>&e;</Content></xml>')),
			400,
			'The XML was refused: a DOCTYPE is not allowed',
		);
		const inner = signPush(target('safe'), '<!DOCTYPE xml><xml><ToUserName><![CDATA[gh]]></ToUserName></xml>');
		expectRefused(await callTrigger({}, CREDENTIAL, { method: 'POST', query: inner.query, body: inner.body }), 400, 'The XML was refused: a DOCTYPE is not allowed');
		expectRefused(
			await callTrigger({}, PLAIN_CREDENTIAL, signedPlain('<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime></xml>')),
			400,
			'The message has no MsgType',
		);
		const req = push('plain', { type: 'text' });
		expectRefused(await callTrigger({}, PLAIN_CREDENTIAL, { ...req, query: `${req.query}&encrypt_type=des` }), 400, 'The encrypt_type is neither raw nor aes');
	});

	it('413: a body over 1 MiB, before anything else', async () => {
		const req = push('plain', { type: 'text', content: 'x'.repeat(1024 * 1024) });
		expectRefused(await callTrigger({}, PLAIN_CREDENTIAL, req), 413, 'The body is larger than 1 MiB');
	});

	it('a broken credential is answered 500 without an execution and logged without the token', async () => {
		const call = await callTrigger({}, { token: SANDBOX_PUSH.token, encodingAESKey: 'tooShort', appId: SANDBOX_PUSH.appId }, push('plain', { type: 'text' }));
		expect([call.response.status, call.response.body]).toEqual([500, 'The trigger is not set up correctly']);
		expect(call.result).toEqual({ noWebhookResponse: true });
		expect(call.logs).toEqual([
			"WeChat Customer Service Trigger cannot answer: The push credential's EncodingAESKey must be 43 characters long, not 8",
		]);
		expectNoSecrets(call, ['tooShort']);
	});
});
