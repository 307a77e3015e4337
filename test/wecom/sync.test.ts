// Message → Sync: kf/sync_msg with a cursor the user keeps, paged until has_more is 0 or Limit.
import { WECOM_DEMO, sendCallback, weComCustomers } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, runWeCom } from '../helpers/wecom';

const ctx = useSandbox('demo');
const { accounts: A, customers: C } = WECOM_DEMO;
const SYNC = '/cgi-bin/kf/sync_msg';
const account = { __rl: true, mode: 'id', value: A.afterSales };
const base = { resource: 'message', operation: 'sync', openKfId: account };

const syncBodies = () => ctx.sb.requestsTo(SYNC).map((r) => r.json);
type Synced = { next_cursor: string; has_more: number; msg_list: Array<Record<string, unknown>> };

describe('WeCom Message: Sync', () => {
	it('from the start: every entry WeCom holds, paged until has_more is 0, and the cursor to go on from', async () => {
		ctx.sb.state.wecom.demoCorp.pageCap = 5;
		const run = await runWeCom(ctx.sb, { ...base, returnAll: true });
		expect(run.error).toBeUndefined();
		const [out] = run.json(WECOM_NODE_NAME) as unknown as Synced[];
		expect(out.msg_list.map((m) => m.msgtype)).toEqual(['event', 'text', 'text', 'event', 'text', 'image', 'image', 'event', 'event', 'text', 'event', 'text']);
		expect(out.has_more).toBe(0);
		expect(out.msg_list[1]).toEqual({
			msgid: out.msg_list[1].msgid,
			open_kfid: A.afterSales,
			external_userid: C.chen,
			send_time: out.msg_list[1].send_time,
			send_time_iso: out.msg_list[1].send_time_iso,
			origin: 3,
			origin_name: 'customer',
			msgtype: 'text',
			text: { content: '我的订单还没发货' },
		});
		// Without a Callback Token: WeCom's strict rate; 3 pages of at most 1000 (the sandbox gives 5, 5, 2).
		expect(syncBodies()).toEqual([
			{ open_kfid: A.afterSales, limit: 1000 },
			{ open_kfid: A.afterSales, limit: 1000, cursor: expect.any(String) },
			{ open_kfid: A.afterSales, limit: 1000, cursor: expect.any(String) },
		]);
		// Going on from next_cursor: only what came since.
		weComCustomers.customerWrites(ctx.sb.state.wecom.demoCorp, A.afterSales, C.tom, { msgtype: 'text', content: 'new' });
		const next = await runWeCom(ctx.sb, { ...base, cursor: out.next_cursor, returnAll: true });
		const [again] = next.json(WECOM_NODE_NAME) as unknown as Synced[];
		expect(again.msg_list.map((m) => m.text)).toEqual([{ content: 'new' }]);
		expect(syncBodies()[3]).toEqual({ open_kfid: A.afterSales, limit: 1000, cursor: out.next_cursor });
	});

	it('stops at Limit with the cursor right after the last message returned, and has_more 1', async () => {
		const run = await runWeCom(ctx.sb, { ...base, returnAll: false, limit: 3 });
		const [out] = run.json(WECOM_NODE_NAME) as unknown as Synced[];
		expect(out.msg_list).toHaveLength(3);
		expect(out.has_more).toBe(1);
		expect(syncBodies()).toEqual([{ open_kfid: A.afterSales, limit: 3 }]);
		const next = await runWeCom(ctx.sb, { ...base, cursor: out.next_cursor, returnAll: false, limit: 3 });
		const [second] = next.json(WECOM_NODE_NAME) as unknown as Synced[];
		expect(second.msg_list.map((m) => m.msgtype)).toEqual(['event', 'text', 'image']);
	});

	it('sends the Callback Token, and drops it when WeCom says it has expired (95007)', async () => {
		const corp = ctx.sb.state.wecom.demoCorp;
		corp.callback = { url: 'http://127.0.0.1:9/nowhere', token: 'x', encodingAESKey: 'SandboxWeComAESKey0123456789abcdefghijklmno' };
		const delivery = await sendCallback(corp, A.afterSales, { retries: 0, timeoutMs: 200 });
		ctx.sb.clock.advance(601);
		const run = await runWeCom(ctx.sb, { ...base, token: delivery.token, returnAll: true });
		expect(run.error).toBeUndefined();
		expect(syncBodies()).toEqual([
			{ open_kfid: A.afterSales, limit: 1000, token: delivery.token },
			{ open_kfid: A.afterSales, limit: 1000 },
		]);
	});

	it('refuses a cursor longer than WeCom’s 64 bytes before any request', async () => {
		const run = await runWeCom(ctx.sb, { ...base, cursor: 'x'.repeat(65), returnAll: true });
		expect(run.error?.message).toBe('"Cursor" must be a next_cursor WeCom returned (at most 64 bytes), got 65 bytes');
		expect(ctx.sb.requests).toEqual([]);
	});
});
