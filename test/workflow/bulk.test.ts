import { setTimeout as delay } from 'node:timers/promises';

import { messageRoutes } from '../../sandbox/routes/messages';
import { continueOnFail, withParams } from '../helpers/patch';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow } from '../helpers/workflow';
import { LI } from '../helpers/demo';

const ctx = useSandbox('demo');

const SEND = '/cgi-bin/message/custom/send';
const WAITCASE = '/customservice/kfsession/getwaitcase';

/** `count` in-window customers, each with one item {openid, text}. */
function customers(count: number) {
	const now = ctx.sb.clock.now();
	return Array.from({ length: count }, (_, n) => {
		const openid = `oBulk_${String(n).padStart(4, '0')}`;
		ctx.sb.state.conversations.customerWrites(openid, now - 60, openid, { waits: false });
		return { openid, text: `消息 #${n}` };
	});
}

function bulkWorkflow(items: object[], concurrency: number) {
	return withParams(
		withParams(loadWorkflow('message-send-bulk.workflow.json'), 'Customers', { items: JSON.stringify(items) }),
		'Send to Each',
		{ options: { concurrency } },
	);
}

/**
 * Wraps the sandbox's send route: counts requests in flight and holds each one longer the
 * earlier its item is, so answers come back in reverse order. The first requests also wait
 * (up to 5 s) until `width` are in flight, so a slow machine cannot hide the concurrency.
 */
function trackInFlight(total: number, width: number) {
	const send = messageRoutes.find((r) => r.path === SEND);
	if (!send) throw new Error('no send route');
	const stats = { now: 0, max: 0, started: 0, finished: [] as string[] };
	ctx.sb.addRoute({
		...send,
		handler: async (req, sb) => {
			stats.now += 1;
			stats.started += 1;
			stats.max = Math.max(stats.max, stats.now);
			const n = Number(/#(\d+)/.exec(JSON.stringify(req.json))?.[1] ?? 0);
			const t0 = Date.now();
			while (stats.max < width && stats.started < total && Date.now() - t0 < 5000) await delay(2);
			await delay(10 + (total - n) * 4);
			try {
				return await send.handler(req, sb);
			} finally {
				stats.now -= 1;
				stats.finished.push(String(n));
			}
		},
	});
	return stats;
}

describe('Bulk: Options → Concurrency', () => {
	it('runs up to 5 requests at once, keeps input order and pairing, and fetches one token', async () => {
		const items = customers(12);
		const stats = trackInFlight(12, 5);
		const result = await runWorkflow(bulkWorkflow(items, 5), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(stats.max).toBe(5);
		expect(stats.finished).not.toEqual(items.map((_, n) => String(n)));
		expect(result.output('Send to Each')).toEqual(
			items.map((item, n) => ({ json: { success: true, openid: item.openid, msgtype: 'text' }, pairedItem: { item: n } })),
		);
		expect(ctx.sb.requestsTo(SEND).map((r) => (r.json as { touser: string }).touser).sort()).toEqual(items.map((i) => i.openid));
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
	});

	it('sends one at a time with the default concurrency of 1, in input order', async () => {
		const items = customers(6);
		const stats = trackInFlight(6, 1);
		const result = await runWorkflow(bulkWorkflow(items, 1), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(stats.max).toBe(1);
		expect(stats.finished).toEqual(['0', '1', '2', '3', '4', '5']);
		expect(ctx.sb.requestsTo(SEND).map((r) => (r.json as { touser: string }).touser)).toEqual(items.map((i) => i.openid));
	});

	it('with continue-on-fail, a failing item keeps its place and pairing among concurrent ones', async () => {
		const items = customers(7);
		items[3] = { openid: 'oUnknown_customer', text: '消息 #3' };
		const wf = continueOnFail(bulkWorkflow(items, 4), 'Send to Each');
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		const out = result.output('Send to Each');
		expect(out.map((i) => i.pairedItem)).toEqual(items.map((_, n) => ({ item: n })));
		expect(out.map((i) => i.json.openid ?? 'error')).toEqual(items.map((i, n) => (n === 3 ? 'error' : i.openid)));
		expect(out[3].json.error).toBe('This openid does not belong to a customer of this Official Account. WeChat: invalid openid (errcode 40003)');
	});

	it('refuses a concurrency above 20 before sending anything', async () => {
		const result = await runWorkflow(bulkWorkflow(customers(2), 21), sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe('"Concurrency" must be a whole number from 1 to 20, got 21');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('runs reads concurrently too (Get Waiting once per input item)', async () => {
		const result = await runWorkflow(loadWorkflow('session-get-waiting-many.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const out = result.output('Waiting Customers');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }, { item: 1 }]);
		expect(ctx.sb.requestsTo(WAITCASE)).toHaveLength(2);
	});
});

describe('Bulk: busy answers (-1, 45011) and the daily quota (45009)', () => {
	const getWaiting = () => loadWorkflow('session-get-waiting.workflow.json');
	const sendOne = () => loadWorkflow('message-send.workflow.json');

	it('a read answered -1 twice is retried and succeeds on the third request', async () => {
		ctx.sb.setFault(WAITCASE, { errcode: -1, times: 2 });
		const result = await runWorkflow(getWaiting(), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.json('Waiting Customers')).toHaveLength(3);
		expect(ctx.sb.requestsTo(WAITCASE)).toHaveLength(3);
	});

	it('a read that stays busy is tried 4 times (3 retries), then reported with the attempts', async () => {
		ctx.sb.setFault(WAITCASE, { errcode: -1 });
		const result = await runWorkflow(getWaiting(), sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe('WeChat is busy. WeChat: system error (errcode -1)');
		expect(result.error?.description).toMatch(/^Reads are retried automatically.* Tried 4 times\. rid: \S+$/);
		expect(ctx.sb.requestsTo(WAITCASE)).toHaveLength(4);
	});

	it('a read answered 45011 is retried like -1', async () => {
		ctx.sb.setFault(WAITCASE, { errcode: 45011, times: 3 });
		const result = await runWorkflow(getWaiting(), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(ctx.sb.requestsTo(WAITCASE)).toHaveLength(4);
	});

	it('a send answered 45011 (refused before any work) is retried, and the message goes out once', async () => {
		ctx.sb.setFault(SEND, { errcode: 45011, times: 2 });
		const result = await runWorkflow(sendOne(), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(ctx.sb.requestsTo(SEND)).toHaveLength(3);
		expect(ctx.sb.state.conversations.sentTo(LI)).toHaveLength(1);
	});

	it('a send that keeps getting 45011 is tried 4 times, then reported', async () => {
		ctx.sb.setFault(SEND, { errcode: 45011 });
		const result = await runWorkflow(sendOne(), sandboxCredential(ctx.sb));
		expect(result.error?.message).toMatch(/^The API was called too often\. WeChat: .+ \(errcode 45011\)$/);
		expect(result.error?.description).toMatch(/^Slow down .* Tried 4 times\. rid: \S+$/);
		expect(ctx.sb.requestsTo(SEND)).toHaveLength(4);
	});

	it('a send answered -1 is not retried: WeChat may have delivered it', async () => {
		ctx.sb.setFault(SEND, { errcode: -1, times: 1 });
		const result = await runWorkflow(sendOne(), sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe(
			'WeChat is busy. WeChat: system error (errcode -1). WeChat may have sent the message anyway: check with Record → Get Many before sending it again',
		);
		expect(result.error?.description).toMatch(/^Not retried: repeating a change that WeChat may already have made could make it twice\. rid: \S+$/);
		expect(ctx.sb.requestsTo(SEND)).toHaveLength(1);
	});

	it.each([
		['a send', SEND, sendOne],
		['a read', WAITCASE, getWaiting],
	])('45009 on %s is never retried, and the message says so', async (_what, path, wf) => {
		ctx.sb.setFault(path, { errcode: 45009 });
		const result = await runWorkflow(wf(), sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe('The Official Account’s daily API quota is used up. WeChat: reach max api daily quota limit (errcode 45009)');
		expect(result.error?.description).toMatch(/^It is not retried; it resets at midnight China time.* rid: \S+$/);
		expect(ctx.sb.requestsTo(path)).toHaveLength(1);
	});
});
