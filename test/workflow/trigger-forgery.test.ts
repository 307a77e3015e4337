// Issue 20, part 1: a signed push URL cannot carry another body. WeChat's `signature` covers the
// Token, timestamp and nonce only, so whoever saw one genuine URL holds a valid signature.
import { signedUrlMemory } from '../../nodes/WeChatCustomerService/push/replay';
import { SANDBOX_PUSH, pushXml, signPush, type PushMode, type PushSpec } from '../../sandbox/push';
import { callTrigger, forgetPushes, useFreshTriggerMemory, type WebhookCall } from '../helpers/webhook';

const CREDENTIAL = { token: SANDBOX_PUSH.token, encodingAESKey: SANDBOX_PUSH.encodingAESKey, appId: SANDBOX_PUSH.appId };
const PLAIN_CREDENTIAL = { token: SANDBOX_PUSH.token };
const SECRETS = [SANDBOX_PUSH.token, SANDBOX_PUSH.encodingAESKey];

function push(mode: PushMode, spec: PushSpec) {
	const signed = signPush({ ...CREDENTIAL, mode }, pushXml(spec, Math.floor(Date.now() / 1000)), {
		openid: spec.from ?? 'oSandboxCustomer0001',
	});
	return { method: 'POST' as const, query: signed.query, body: signed.body };
}

/** Refused: the status and reason, nothing started, the reason logged, no secret anywhere. */
function expectRefused(call: WebhookCall, reason: string) {
	expect([call.response.status, call.response.body]).toEqual([401, reason]);
	expect(call.result).toEqual({ noWebhookResponse: true });
	expect(call.item).toBeUndefined();
	expect(call.logs).toEqual([`WeChat push answered 401: ${reason}`]);
	const seen = JSON.stringify([call.response, call.logs]);
	for (const secret of SECRETS) expect(seen).not.toContain(secret);
}

const FORGED = {
	type: 'text',
	from: 'oAttackerChosen01',
	content: '请把我的订单退款到这个账户',
	msgId: '7460099999999999999',
} as const;

useFreshTriggerMemory();

describe('downgrade: a credential with an EncodingAESKey takes encrypted pushes only', () => {
	it('a forged plain body under a genuine safe-mode URL (its signature, timestamp, nonce, no encrypt_type) is refused', async () => {
		const genuine = push('safe', { type: 'text', from: 'oCustomerReal01', content: '你好' });
		expect((await callTrigger({}, CREDENTIAL, genuine)).item).toMatchObject({ FromUserName: 'oCustomerReal01' });
		const q = new URLSearchParams(genuine.query);
		q.delete('encrypt_type');
		q.delete('msg_signature');
		expect([...q.keys()]).toEqual(['signature', 'timestamp', 'nonce', 'openid']);
		const forged = pushXml(FORGED, Number(q.get('timestamp')));
		const call = await callTrigger({}, CREDENTIAL, { method: 'POST', query: q.toString(), body: forged });
		expectRefused(call, 'The credential has an EncodingAESKey, so a push without encrypt_type=aes and msg_signature is refused');
		// encrypt_type=raw is the same downgrade
		q.set('encrypt_type', 'raw');
		const raw = await callTrigger({}, CREDENTIAL, { method: 'POST', query: q.toString(), body: forged });
		expect([raw.response.status, raw.item]).toEqual([401, undefined]);
	});

	it('encrypt_type=aes without msg_signature is refused too', async () => {
		const genuine = push('compatible', { type: 'text' });
		const q = new URLSearchParams(genuine.query);
		q.delete('msg_signature');
		expectRefused(
			await callTrigger({}, CREDENTIAL, { method: 'POST', query: q.toString(), body: genuine.body }),
			'The msg_signature is not valid',
		);
	});
});

describe('reuse: a signed URL keeps the body it first came with', () => {
	it('plain mode: the same URL with another body (new MsgId, another openid, forged text) is refused', async () => {
		const genuine = push('plain', { type: 'text', from: 'oCustomerReal01', content: '你好', msgId: '7460000000000000001' });
		const first = await callTrigger({}, PLAIN_CREDENTIAL, genuine);
		expect(first.item).toMatchObject({ FromUserName: 'oCustomerReal01', Content: '你好', encrypted: false });
		const forged = pushXml(FORGED, Number(new URLSearchParams(genuine.query).get('timestamp')));
		expectRefused(
			await callTrigger({}, PLAIN_CREDENTIAL, { ...genuine, body: forged }),
			'This signed URL was already used with another body',
		);
		// another trigger node (or workflow) with the same Token: the signature is the same, so is the refusal
		const elsewhere = await callTrigger({}, PLAIN_CREDENTIAL, { ...genuine, body: forged }, { nodeId: 'other', workflowId: 'wf-2' });
		expect([elsewhere.response.status, elsewhere.item]).toEqual([401, undefined]);
	});

	it("WeChat's retry (the same bytes again) is answered as before and starts nothing", async () => {
		const genuine = push('plain', { type: 'text', content: '转人工' });
		const params = { reply: 'transfer', transferKfAccount: 'kf2001@testoa' };
		const first = await callTrigger(params, PLAIN_CREDENTIAL, genuine);
		expect(first.item).toBeDefined();
		const retry = await callTrigger(params, PLAIN_CREDENTIAL, genuine);
		expect(retry.response).toEqual(first.response);
		expect(retry.item).toBeUndefined();
		expect(retry.logs).toEqual(['WeChat push answered 200: a repeat of a push already received']);
	});

	it('safe mode: the same signed URL with another envelope is refused; the same bytes are a retry', async () => {
		const genuine = push('safe', { type: 'text' });
		expect((await callTrigger({}, CREDENTIAL, genuine)).item).toBeDefined();
		const reshaped = { ...genuine, body: genuine.body.replace('<xml>\n', '<xml>\n<Extra>x</Extra>\n') };
		expectRefused(await callTrigger({}, CREDENTIAL, reshaped), 'This signed URL was already used with another body');
		const retry = await callTrigger({}, CREDENTIAL, genuine);
		expect([retry.response.status, retry.response.body, retry.item]).toEqual([200, 'success', undefined]);
	});

	it('the URL is forgotten once its timestamp leaves Max Age, when the timestamp check refuses it anyway', async () => {
		const genuine = push('plain', { type: 'text', msgId: '7460000000000000002' });
		const timestamp = Number(new URLSearchParams(genuine.query).get('timestamp'));
		await callTrigger({}, PLAIN_CREDENTIAL, genuine);
		const forged = { ...genuine, body: pushXml(FORGED, timestamp) };
		jest.spyOn(Date, 'now').mockReturnValue((timestamp + 300) * 1000);
		expectRefused(await callTrigger({}, PLAIN_CREDENTIAL, forged), 'This signed URL was already used with another body');
		jest.spyOn(Date, 'now').mockReturnValue((timestamp + 300) * 1000 + 1);
		expectRefused(
			await callTrigger({}, PLAIN_CREDENTIAL, forged),
			"The timestamp is more than 300 seconds away from this server's clock",
		);
		const q = new URLSearchParams(genuine.query);
		expect(signedUrlMemory.get(`${timestamp}|${q.get('nonce')}|${q.get('signature')}`)).toBeUndefined();
	});
});

describe('switching encryption on or off loses no push (console to compatible mode first)', () => {
	it('a credential without a key reads a compatible-mode push from its plain copy, checked like a plain push', async () => {
		const compatible = push('compatible', { type: 'text', content: 'during the switch', from: 'oSwitch01' });
		const call = await callTrigger({ reply: 'transfer' }, PLAIN_CREDENTIAL, compatible);
		expect(call.item).toMatchObject({ Content: 'during the switch', FromUserName: 'oSwitch01', encrypted: false });
		expect(call.item).not.toHaveProperty('Encrypt');
		expect(call.item).not.toHaveProperty('encryptionKey');
		expect(call.response.body).toMatch(/^<xml><ToUserName><!\[CDATA\[oSwitch01\]\]>.*transfer_customer_service/);
		// the same push once the key is in the credential: decrypted
		forgetPushes();
		expect((await callTrigger({}, CREDENTIAL, compatible)).item).toMatchObject({ encrypted: true, encryptionKey: 'current' });
	});

	it('without a key, a safe-mode push (no plain copy) or one without signature is still refused', async () => {
		const reason = 'The push is encrypted but the credential has no EncodingAESKey and AppID';
		expectRefused(await callTrigger({}, PLAIN_CREDENTIAL, push('safe', { type: 'text' })), reason);
		const compatible = push('compatible', { type: 'text' });
		const q = new URLSearchParams(compatible.query);
		q.delete('signature');
		expectRefused(await callTrigger({}, PLAIN_CREDENTIAL, { ...compatible, query: q.toString() }), reason);
	});
});
