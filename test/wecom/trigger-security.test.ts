// Callbacks the trigger must refuse: forged, replayed, wrongly encrypted, too large. A refusal
// answers 401/400/413 and nothing is pulled; a key rotation keeps callbacks coming.
import { weComEncrypt, msgSignature } from '../../sandbox/wecom/crypto';
import { SANDBOX_WECOM, WECOM_DEMO, sendCallback, verifyCallbackUrl, weComCustomers } from '../../sandbox';
import { callbackXml } from '../../sandbox/wecom/callback';
import { useSandbox } from '../helpers/sandbox';
import { CALLBACK_CREDENTIAL, TriggerHarness, forgetProcessMemory } from './trigger.harness';

const ctx = useSandbox('demo');
const { accounts: A, customers: C } = WECOM_DEMO;
const SYNC = '/cgi-bin/kf/sync_msg';
const OTHER_KEY = 'OtherWeComAESKey0123456789abcdefghijklmnopq';
let harness: TriggerHarness;

beforeEach(forgetProcessMemory);
afterEach(async () => {
	await harness?.stop();
});

const corp = () => ctx.sb.state.wecom.demoCorp;

async function startTrigger(credential = CALLBACK_CREDENTIAL, parameters = {}): Promise<TriggerHarness> {
	harness = await new TriggerHarness(ctx.sb, parameters, credential).start();
	await harness.activate();
	weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: 'hello' });
	return harness;
}

/** POSTs a hand-made callback to the trigger. */
async function post(query: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
	const res = await fetch(`${harness.url}?${new URLSearchParams(query).toString()}`, { method: 'POST', body });
	return { status: res.status, body: await res.text() };
}

/** A callback signed with `token` over an `Encrypt` text. */
function signed(encrypt: string, token: string = SANDBOX_WECOM.callbackToken, timestamp = String(Math.floor(Date.now() / 1000))) {
	const nonce = '1234567';
	return {
		query: { msg_signature: msgSignature(token, timestamp, nonce, encrypt), timestamp, nonce },
		body: `<xml><ToUserName><![CDATA[${SANDBOX_WECOM.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>`,
	};
}

const notification = (corpId: string = SANDBOX_WECOM.corpId) =>
	callbackXml(corpId, Math.floor(Date.now() / 1000), 'ENCsometoken', A.afterSales);

async function expectNothingPulled(): Promise<void> {
	await harness.idle();
	expect(ctx.sb.requestsTo(SYNC)).toEqual([]);
	expect(harness.executions).toEqual([]);
}

describe('refused callbacks start nothing', () => {
	it('a callback signed with another Token: 401', async () => {
		await startTrigger();
		const delivery = await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0, retries: 0, config: { token: 'ForgedToken123' } });
		expect(delivery.attempts.map((a) => [a.status, a.body])).toEqual([[401, 'The msg_signature is not valid']]);
		await expectNothingPulled();
	});

	it('a callback encrypted with another key: 401', async () => {
		await startTrigger();
		const delivery = await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0, retries: 0, config: { encodingAESKey: OTHER_KEY } });
		expect(delivery.attempts[0].status).toBe(401);
		expect(delivery.attempts[0].body).toMatch(/^The encrypted message was refused: /);
		await expectNothingPulled();
	});

	it('a callback encrypted for another CorpID: 401 naming the CorpID', async () => {
		await startTrigger();
		const { query, body } = signed(weComEncrypt(SANDBOX_WECOM.encodingAESKey, 'wwOtherCorp000000', notification('wwOtherCorp000000')));
		expect(await post(query, body)).toEqual({
			status: 401,
			body: 'The encrypted message was refused: the CorpID inside does not match the credential',
		});
		await expectNothingPulled();
	});

	it('a callback whose timestamp is older than Max Age (a replay): 401', async () => {
		await startTrigger();
		const delivery = await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0, retries: 0, timestampOffset: -301 });
		expect(delivery.attempts.map((a) => [a.status, a.body])).toEqual([[401, "The timestamp is more than 300 seconds away from this server's clock"]]);
		await expectNothingPulled();
	});

	it('the same callback sent again after it was answered: "success", and no second pull', async () => {
		await startTrigger();
		const delivery = await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		await harness.idle();
		const again = await fetch(`${harness.url}?${delivery.query}`, { method: 'POST', body: delivery.body });
		expect([again.status, await again.text()]).toEqual([200, 'success']);
		await harness.idle();
		expect(ctx.sb.requestsTo(SYNC)).toHaveLength(1);
		expect(harness.executions).toHaveLength(1);
	});

	it('a callback without Encrypt: 400; a body that is not XML: 400; a body over 1 MiB: 413', async () => {
		await startTrigger();
		const { query } = signed('');
		expect(await post(query, '<xml><ToUserName>x</ToUserName></xml>')).toEqual({ status: 400, body: 'The callback has no Encrypt' });
		expect(await post(query, 'not xml')).toEqual({ status: 400, body: 'The XML was refused: text outside the <xml> element (line 1, column 1)' });
		expect(await post(query, `<xml><Encrypt>${'A'.repeat(1024 * 1024)}</Encrypt></xml>`)).toEqual({ status: 413, body: 'The body is larger than 1 MiB' });
		await expectNothingPulled();
	});

	it('a URL verification signed with another Token: 401, no echostr', async () => {
		await startTrigger();
		const result = await verifyCallbackUrl(corp(), { config: { token: 'ForgedToken123' } });
		expect([result.status, result.body, result.verified]).toEqual([401, 'The msg_signature is not valid', false]);
	});
});

describe('key rotation', () => {
	it('accepts a callback still encrypted with the Previous EncodingAESKey', async () => {
		await startTrigger({ ...CALLBACK_CREDENTIAL, encodingAESKey: OTHER_KEY, previousEncodingAESKey: SANDBOX_WECOM.encodingAESKey });
		const delivery = await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		await harness.idle();
		expect(delivery.acknowledged).toBe(true);
		expect(harness.items.map((i) => i.text)).toEqual([{ content: 'hello' }]);
	});
});

describe('the answer comes before the pull', () => {
	it('answers "success" while sync_msg has not answered yet', async () => {
		await startTrigger();
		ctx.sb.setFault(SYNC, { delayMs: 1500, times: 1 });
		const delivery = await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		// WeCom has its answer; the pull is still waiting for sync_msg.
		expect(delivery.acknowledged).toBe(true);
		expect(harness.executions).toEqual([]);
		await harness.idle();
		expect(harness.executions).toHaveLength(1);
	});
});
