// Issue 20, part 4: the trigger reads its parameters with the action node's readers. A bad one
// stops activation with the field named, and a push meanwhile is answered 500 with that reason logged.
import { NodeOperationError } from 'n8n-workflow';

import { parseWeChatXml } from '../../nodes/shared/push/xml';
import { SANDBOX_PUSH, pushXml, signPush, type PushSpec } from '../../sandbox/push';
import { activateTrigger, callTrigger, forgetPushes, useFreshTriggerMemory } from '../helpers/webhook';

const CREDENTIAL = { token: SANDBOX_PUSH.token };

function plainPush(spec: PushSpec = { type: 'text', content: '转人工' }, timestamp = Math.floor(Date.now() / 1000)) {
	const signed = signPush({ token: SANDBOX_PUSH.token, mode: 'plain' }, pushXml(spec, timestamp), { timestamp });
	return { method: 'POST' as const, query: signed.query, body: signed.body };
}

/** Activation fails with `message`, and a push meanwhile is answered 500, logged with the same words. */
async function expectRefusedParameter(parameters: Record<string, unknown>, message: string) {
	const activation = activateTrigger(parameters as never);
	await expect(activation).rejects.toThrow(NodeOperationError);
	await expect(activateTrigger(parameters as never)).rejects.toThrow(message);
	const call = await callTrigger(parameters as never, CREDENTIAL, plainPush());
	expect([call.response.status, call.response.body, call.item]).toEqual([500, 'The trigger is not set up correctly', undefined]);
	expect(call.logs).toEqual([`WeChat Customer Service Trigger cannot answer: ${message}`]);
}

useFreshTriggerMemory();

describe('Max Age (Seconds)', () => {
	it('an expression that is not a number is refused, never read as "off"', async () => {
		await expectRefusedParameter({ options: { maxAgeSeconds: '={{ "five minutes" }}' } }, '"Max Age (Seconds)" must be a number, got "five minutes"');
	});

	it('a negative or fractional value is refused', async () => {
		await expectRefusedParameter({ options: { maxAgeSeconds: '={{ -300 }}' } }, '"Max Age (Seconds)" must be 0 or more, got -300');
		await expectRefusedParameter({ options: { maxAgeSeconds: 2.5 } }, '"Max Age (Seconds)" must be a whole number of seconds, got 2.5');
	});

	it('a number given as text is read; 0 turns the check off; the default is 300', async () => {
		await expect(activateTrigger({ options: { maxAgeSeconds: '={{ "60" }}' } })).resolves.toBe(true);
		const stale = plainPush(undefined, Math.floor(Date.now() / 1000) - 100);
		expect((await callTrigger({ options: { maxAgeSeconds: '={{ "60" }}' } }, CREDENTIAL, stale)).response.body).toBe(
			"The timestamp is more than 60 seconds away from this server's clock",
		);
		forgetPushes();
		expect((await callTrigger({ options: { maxAgeSeconds: 0 } }, CREDENTIAL, stale)).item).toBeDefined();
		await expect(activateTrigger({})).resolves.toBe(true);
	});
});

describe("the workflow's time zone", () => {
	it('an unknown one is refused with the action node’s words, before any push is read', async () => {
		const call = await callTrigger({}, CREDENTIAL, plainPush(), { timezone: 'Mars/Olympus_Mons' });
		expect([call.response.status, call.item]).toEqual([500, undefined]);
		expect(call.logs).toEqual([
			`WeChat Customer Service Trigger cannot answer: "timezone" (the workflow's time zone) "Mars/Olympus_Mons" is not a known time zone`,
		]);
	});
});

describe('Transfer To Agent Account', () => {
	it('is checked with the action node’s account rule when a transfer mode uses it', async () => {
		await expectRefusedParameter(
			{ reply: 'transfer', transferKfAccount: 'kf2001' },
			'"Transfer To Agent Account" must be the full account "prefix@OfficialAccountWeChatID" with exactly one "@", got "kf2001"',
		);
		await expectRefusedParameter(
			{ reply: 'transferOnKeywords', transferKfAccount: '={{ "kf 2001@testoa" }}' },
			'"Transfer To Agent Account" prefix "kf 2001" may contain only letters, digits and underscores',
		);
		// Acknowledge never uses it
		await expect(activateTrigger({ reply: 'acknowledge', transferKfAccount: 'kf2001' })).resolves.toBe(true);
	});

	it('an account the rule allows is XML-escaped in the reply: it reads back exactly', async () => {
		const account = 'kf1@oa]]><MsgType>x</MsgType>';
		const call = await callTrigger({ reply: 'transfer', transferKfAccount: account }, CREDENTIAL, plainPush());
		expect(call.response.status).toBe(200);
		const reply = parseWeChatXml(Buffer.from(call.response.body!));
		expect(reply).toMatchObject({ MsgType: 'transfer_customer_service', TransInfo: { KfAccount: account } });
	});
});

describe('Events and Transfer Keywords', () => {
	it('an event outside the list is refused', async () => {
		await expectRefusedParameter(
			{ events: '={{ ["text", "click"] }}' },
			'"Events" must be one of *, text, image, voice, video, shortvideo, location, link, subscribe, unsubscribe, kf_create_session, kf_close_session, kf_switch_session, got "click"',
		);
		await expectRefusedParameter({ events: '={{ "text" }}' }, '"Events" must be a list, got "text"');
	});

	it('keywords are required text for Transfer on Keywords, and must hold one keyword', async () => {
		await expectRefusedParameter({ reply: 'transferOnKeywords', transferKeywords: '' }, '"Transfer Keywords" is required but empty');
		await expectRefusedParameter({ reply: 'transferOnKeywords', transferKeywords: ' , ，' }, '"Transfer Keywords" holds no keyword between its commas');
		const call = await callTrigger({ reply: 'transferOnKeywords', transferKeywords: '={{ "人工" }}' }, CREDENTIAL, plainPush());
		expect(call.item?.reply).toBe('transfer_customer_service');
	});
});
