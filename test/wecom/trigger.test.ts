// The WeCom Customer Service Trigger end to end against the sandbox: WeCom's signed, encrypted
// callbacks (with its retries) reach a real HTTP server that runs webhook() as n8n does; the
// trigger pulls sync_msg and each execution's items are what the workflow would get.
import { WECOM_DEMO, sendCallback, verifyCallbackUrl, weComCustomers } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { TriggerHarness, forgetProcessMemory } from './trigger.harness';

const ctx = useSandbox('demo');
const { accounts: A, customers: C } = WECOM_DEMO;
const SYNC = '/cgi-bin/kf/sync_msg';
let harness: TriggerHarness;

beforeEach(forgetProcessMemory);
afterEach(async () => {
	await harness?.stop();
});

async function startTrigger(parameters = {}): Promise<TriggerHarness> {
	harness = await new TriggerHarness(ctx.sb, parameters).start();
	await harness.activate();
	return harness;
}

const corp = () => ctx.sb.state.wecom.demoCorp;

describe('URL verification', () => {
	it('answers exactly the decrypted echostr, and pulls nothing', async () => {
		await startTrigger();
		const result = await verifyCallbackUrl(corp());
		expect(result.verified).toBe(true);
		expect(result.body).toBe(result.expected);
		expect(harness.requests).toEqual([{ method: 'GET', status: 200, body: result.expected }]);
		expect(ctx.sb.requestsTo(SYNC)).toEqual([]);
		expect(harness.executions).toEqual([]);
	});
});

describe('one callback', () => {
	it('is answered "success", then sync_msg is pulled with its Token and one item per new customer message comes out', async () => {
		await startTrigger();
		const written = weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: '还在吗？' });
		const delivery = await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		await harness.idle();
		expect(delivery.attempts.map((a) => [a.outcome, a.body])).toEqual([['answered', 'success']]);
		const syncs = ctx.sb.requestsTo(SYNC).map((r) => r.json);
		// No cursor yet: from the oldest message WeCom holds, to the end (the demo's history is skipped: Start From "now").
		expect(syncs).toEqual([{ open_kfid: A.afterSales, limit: 1000, token: delivery.token }]);
		const iso = new Date((written.send_time + 8 * 3600) * 1000).toISOString().replace('.000Z', '+08:00');
		expect(harness.executions).toEqual([
			[
				{
					msgid: written.msgid,
					open_kfid: A.afterSales,
					external_userid: C.chen,
					send_time: written.send_time,
					send_time_iso: iso,
					origin: 3,
					origin_name: 'customer',
					msgtype: 'text',
					text: { content: '还在吗？' },
				},
			],
		]);
		expect(harness.database).toEqual({
			'node:WeCom Customer Service Trigger': { activatedAt: expect.any(Number), cursors: { [A.afterSales]: expect.any(String) } },
		});
	});

	it('goes on from the saved cursor on the next callback, and a callback with nothing new starts nothing', async () => {
		await startTrigger();
		weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: 'one' });
		await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		await harness.idle();
		const cursor = (harness.database['node:WeCom Customer Service Trigger'] as { cursors: Record<string, string> }).cursors[A.afterSales];
		await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		await harness.idle();
		weComCustomers.customerWrites(corp(), A.afterSales, C.tom, { msgtype: 'text', content: 'two' });
		const third = await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		await harness.idle();
		const syncs = ctx.sb.requestsTo(SYNC).map((r) => r.json as { cursor?: string; token: string });
		expect(syncs.slice(1).map((s) => s.cursor)).toEqual([cursor, cursor]);
		expect(syncs[2].token).toBe(third.token);
		expect(harness.executions.map((e) => e.map((i) => (i.text as { content: string }).content))).toEqual([['one'], ['two']]);
	});
});

describe('10 customers × 50 messages over overlapping callbacks, with WeCom’s retries', () => {
	it('emits exactly 500 items, each msgid once, in order per customer', async () => {
		await startTrigger();
		const customers = Array.from({ length: 10 }, (_, i) => `wmLoadCustomer${String(i).padStart(18, '0')}`);
		const accountOf = (i: number) => (i < 5 ? A.afterSales : A.booking);
		const deliveries: Array<Promise<unknown>> = [];
		for (let round = 0; round < 10; round++) {
			for (const [i, customer] of customers.entries()) {
				for (let n = 0; n < 5; n++) {
					weComCustomers.customerWrites(corp(), accountOf(i), customer, { msgtype: 'text', content: `${customer} #${round * 5 + n}` });
				}
			}
			// Every third round one answer is lost on the way back: WeCom sends the same request again.
			if (round % 3 === 0) harness.dropAnswers += 1;
			deliveries.push(sendCallback(corp(), A.afterSales, { retryIntervalMs: 0, timeoutMs: 2000 }));
			deliveries.push(sendCallback(corp(), A.booking, { retryIntervalMs: 0, timeoutMs: 2000 }));
			if (round % 2 === 1) await Promise.all(deliveries.splice(0));
		}
		await Promise.all(deliveries);
		await harness.idle();
		const items = harness.items;
		expect(items).toHaveLength(500);
		expect(new Set(items.map((i) => i.msgid)).size).toBe(500);
		for (const customer of customers) {
			const texts = items.filter((i) => i.external_userid === customer).map((i) => (i.text as { content: string }).content);
			expect(texts).toEqual(Array.from({ length: 50 }, (_, n) => `${customer} #${n}`));
		}
		// WeCom's retries reached the trigger and were answered without a second pull.
		const retried = harness.logs.filter((l) => l.endsWith('a repeat of a callback already received'));
		expect(retried).toHaveLength(4);
		// Never two pulls of one account at once: every sync_msg went on from the cursor the one before it returned.
		for (const account of [A.afterSales, A.booking]) {
			const calls = ctx.sb.requestsTo(SYNC).filter((r) => (r.json as { open_kfid: string }).open_kfid === account);
			expect(calls.length).toBeGreaterThan(0);
			expect(calls.every((r) => (r.json as { limit: number }).limit === 1000)).toBe(true);
		}
	});
});

describe('Account IDs', () => {
	it('pulls nothing for an account not listed, and answers "success"', async () => {
		await startTrigger({ openKfIds: A.booking });
		weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: 'x' });
		const delivery = await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		await harness.idle();
		expect(delivery.acknowledged).toBe(true);
		expect(ctx.sb.requestsTo(SYNC)).toEqual([]);
		expect(harness.executions).toEqual([]);
	});
});
