// Where the trigger starts and goes on: Start From on the first callback, the cursor in the
// workflow's static data across an n8n restart, an expired callback Token, empty pages with
// has_more 1, a callback folded into the pull already running, and what the filters let through.
import { WECOM_DEMO, sendCallback, weComCustomers } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { TriggerHarness, forgetProcessMemory } from './trigger.harness';

const ctx = useSandbox('demo');
const { accounts: A, customers: C, servicers: S } = WECOM_DEMO;
const SYNC = '/cgi-bin/kf/sync_msg';
const STATE = 'node:WeCom Customer Service Trigger';
let harness: TriggerHarness;

beforeEach(forgetProcessMemory);
afterEach(async () => {
	await harness?.stop();
});

const corp = () => ctx.sb.state.wecom.demoCorp;
const texts = (items = harness.items) => items.map((i) => (i.text as { content?: string } | undefined)?.content ?? i.msgtype);
const syncBodies = () => ctx.sb.requestsTo(SYNC).map((r) => r.json as Record<string, unknown>);

async function startTrigger(parameters = {}): Promise<TriggerHarness> {
	harness = await new TriggerHarness(ctx.sb, parameters).start();
	await harness.activate();
	return harness;
}

async function callback(openKfId: string = A.afterSales) {
	const delivery = await sendCallback(corp(), openKfId, { retryIntervalMs: 0 });
	await harness.idle();
	return delivery;
}

describe('Start From, on the first callback for an account with 3 days of history', () => {
	it('"now": nothing sent before the activation is emitted, what came after is', async () => {
		await startTrigger();
		weComCustomers.customerWrites(corp(), A.afterSales, C.tom, { msgtype: 'text', content: 'after activation' });
		await callback();
		expect(texts()).toEqual(['after activation']);
		// The whole history was pulled (to the end), so the cursor is past it.
		expect(ctx.sb.requestsTo(SYNC)).toHaveLength(1);
	});

	it('"oldestAvailable": everything WeCom still holds, once, oldest first', async () => {
		await startTrigger({ startFrom: 'oldestAvailable' });
		await callback();
		await callback();
		expect(texts()).toEqual(['我的订单还没发货', '收到的商品有破损', 'image', 'image', '请问退款什么时候到账？', 'Hi, do you ship abroad?']);
		expect(harness.executions).toHaveLength(1);
	});

	it('"oldestAvailable" with every origin: events and servicer messages too, with open_kfid and external_userid lifted from the event', async () => {
		await startTrigger({ startFrom: 'oldestAvailable', origins: ['customer', 'system', 'servicer'] });
		await callback();
		expect(harness.items.map((i) => [i.origin_name, i.msgtype, (i.event as { event_type?: string } | undefined)?.event_type ?? '', i.external_userid ?? ''])).toEqual([
			['system', 'event', 'enter_session', C.chen],
			['customer', 'text', '', C.chen],
			['servicer', 'text', '', C.chen],
			['system', 'event', 'servicer_status_change', ''],
			['customer', 'text', '', C.wang],
			['customer', 'image', '', C.wang],
			['customer', 'image', '', C.wang],
			['system', 'event', 'user_recall_msg', C.wang],
			['system', 'event', 'session_status_change', C.wang],
			['customer', 'text', '', C.chen],
			['system', 'event', 'enter_session', C.tom],
			['customer', 'text', '', C.tom],
		]);
		const servicer = harness.items[2];
		expect(servicer).toEqual({
			msgid: servicer.msgid,
			open_kfid: A.afterSales,
			external_userid: C.chen,
			send_time: servicer.send_time,
			send_time_iso: servicer.send_time_iso,
			origin: 5,
			origin_name: 'servicer',
			servicer_userid: S.zhangsan,
			msgtype: 'text',
			text: { content: '您好，已为您催促仓库，今天发出。' },
		});
	});
});

describe('the cursor across an n8n restart', () => {
	it('loses nothing and repeats nothing: messages written while n8n was down come with the next callback', async () => {
		await startTrigger();
		weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: 'before restart' });
		await callback();
		const saved = harness.database[STATE];
		// n8n restarts: the process forgets everything; the database keeps the static data.
		await harness.stop();
		forgetProcessMemory();
		weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: 'while down' });
		const database = harness.database;
		harness = await new TriggerHarness(ctx.sb, {}).start();
		harness.database = database;
		await harness.activate('init');
		expect(harness.database[STATE]).toEqual(saved);
		weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: 'after restart' });
		await callback();
		expect(texts()).toEqual(['while down', 'after restart']);
		const [, second] = syncBodies();
		expect(second.cursor).toBe((saved as { cursors: Record<string, string> }).cursors[A.afterSales]);
	});
	it('two accounts called back at once: n8n saves each call\'s whole static data, and each call keeps the other account\'s newer cursor', async () => {
		await startTrigger();
		weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: 'to after-sales' });
		weComCustomers.customerWrites(corp(), A.booking, C.li, { msgtype: 'text', content: 'to booking' });
		// The after-sales call loads the static data first and saves it last.
		ctx.sb.setFault(SYNC, { delayMs: 1500, times: 1 });
		const slow = sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		while (ctx.sb.requestsTo(SYNC).length === 0) await new Promise((resolve) => setImmediate(resolve));
		await callback(A.booking);
		await slow;
		await harness.idle();
		const cursors = (harness.database[STATE] as { cursors: Record<string, string> }).cursors;
		expect(Object.keys(cursors).sort()).toEqual([A.afterSales, A.booking]);
		// After a restart, the booking account goes on from its cursor: nothing emitted twice.
		await harness.stop();
		forgetProcessMemory();
		const database = harness.database;
		harness = await new TriggerHarness(ctx.sb, {}).start();
		harness.database = database;
		await harness.activate('init');
		weComCustomers.customerWrites(corp(), A.booking, C.li, { msgtype: 'text', content: 'after restart' });
		await callback(A.booking);
		expect(texts()).toEqual(['after restart']);
	});
});

describe('sync_msg', () => {
	it('drops an expired callback Token (95007) and pulls without it', async () => {
		await startTrigger();
		weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: 'late' });
		// The Token lives 10 minutes: the callback reaches the trigger after that.
		harness.beforeWebhook = () => ctx.sb.clock.advance(601);
		const delivery = await callback();
		expect(syncBodies()).toEqual([
			{ open_kfid: A.afterSales, limit: 1000, token: delivery.token },
			{ open_kfid: A.afterSales, limit: 1000 },
		]);
		expect(texts()).toEqual(['late']);
		expect(harness.logs).toContain(`WeCom callback for ${A.afterSales}: its Token had expired, so sync_msg was called without it`);
	});

	it('goes on through empty pages that say has_more 1, and stops only at has_more 0', async () => {
		await startTrigger({ startFrom: 'oldestAvailable' });
		corp().emptyPages.set(A.afterSales, 2);
		corp().pageCap = 4;
		await callback();
		const pages = syncBodies();
		// 2 empty pages (the cursor unchanged), then the 12 entries WeCom holds, 4 at a time.
		expect(pages).toHaveLength(5);
		expect(texts()).toEqual(['我的订单还没发货', '收到的商品有破损', 'image', 'image', '请问退款什么时候到账？', 'Hi, do you ship abroad?']);
		const cursors = pages.map((p) => p.cursor);
		expect(cursors[0]).toBeUndefined();
		expect(cursors[2]).toBe(cursors[1]);
		expect(new Set(cursors.slice(2)).size).toBe(3);
	});

	it('a callback during a pull makes that pull go on instead of starting a second one', async () => {
		await startTrigger();
		weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: 'first' });
		ctx.sb.setFault(SYNC, { delayMs: 1500, times: 1 });
		const first = sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		while (ctx.sb.requestsTo(SYNC).length === 0) await new Promise((resolve) => setImmediate(resolve));
		weComCustomers.customerWrites(corp(), A.afterSales, C.tom, { msgtype: 'text', content: 'second' });
		const second = await sendCallback(corp(), A.afterSales, { retryIntervalMs: 0 });
		expect(second.acknowledged).toBe(true);
		await first;
		await harness.idle();
		// One execution; the second pull used the newer Token and went on from the first one's cursor.
		expect(harness.executions.map((e) => texts(e))).toEqual([['first', 'second']]);
		const [one, two] = syncBodies();
		expect(syncBodies()).toHaveLength(2);
		expect(two.token).toBe(second.token);
		expect(two.cursor).toEqual(expect.any(String));
		expect(one.cursor).toBeUndefined();
		expect(harness.logs).toContain(`WeCom callback for ${A.afterSales}: the pull already running goes on`);
	});

	it('a sync_msg that fails ends the pull with nothing lost: the next callback goes on from the saved cursor', async () => {
		await startTrigger({ startFrom: 'oldestAvailable' });
		corp().pageCap = 4;
		ctx.sb.setFault(SYNC, { httpStatus: 502, times: 1 });
		await callback();
		expect(harness.executions).toEqual([]);
		expect(harness.logs.some((l) => l.startsWith(`WeCom Customer Service Trigger stopped pulling ${A.afterSales}: `))).toBe(true);
		await callback();
		expect(texts()).toEqual(['我的订单还没发货', '收到的商品有破损', 'image', 'image', '请问退款什么时候到账？', 'Hi, do you ship abroad?']);
	});
});

describe('filters', () => {
	it('Message Types lets only the listed msgtypes through; the cursor moves past the rest', async () => {
		await startTrigger({ startFrom: 'oldestAvailable', messageTypes: ['image'] });
		await callback();
		expect(texts()).toEqual(['image', 'image']);
		weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'image' });
		await callback();
		expect(texts()).toEqual(['image', 'image', 'image']);
		expect(syncBodies()[1].cursor).toEqual(expect.any(String));
	});
});
