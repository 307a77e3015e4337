import { MSG_LIST_PATH, LEGACY_RECORD_PATH } from '../../sandbox/routes/records';
import { withParams } from '../helpers/patch';
import { tamperMsgList } from '../helpers/records';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow, type WorkflowJson } from '../helpers/workflow';

const ctx = useSandbox('empty');

/** 2024-03-01 00:00:00 China time: the workflow's start (its time zone is Asia/Shanghai). */
const T0 = 1709222400;
const DAY = 86400;
const NODE = 'Chat Records';
const RECORD_KEYS = 'time_iso,operation,worker,openid,text,opercode,time';

function workflow(params: Record<string, unknown> = {}, settings?: Record<string, string>): WorkflowJson {
	const wf = withParams(loadWorkflow('record-get-many.workflow.json'), NODE, params);
	if (settings) wf.settings = { ...wf.settings, ...settings };
	return wf;
}

async function run(wf: WorkflowJson) {
	return await runWorkflow(wf, sandboxCredential(ctx.sb));
}

function apiBodies(path = MSG_LIST_PATH) {
	return ctx.sb.requestsTo(path).map((r) => r.json as Record<string, number | string>);
}

describe('Record: Get Many through WorkflowExecute', () => {
	it('pulls 7 days × 30,000 records into exactly 210,000 items, no duplicates, 4 getmsglist calls a day', async () => {
		ctx.sb.state.records.generate({ start: T0, days: 7, perDay: 30000 });
		const started = performance.now();
		const result = await run(workflow());
		const wallMs = performance.now() - started;
		expect(result.error).toBeUndefined();
		const items = result.output(NODE);
		expect(items).toHaveLength(210000);
		const texts = new Set(items.map((i) => i.json.text));
		expect(texts.size).toBe(210000);
		for (let n = 0; n < 210000; n += 9973) expect(texts.has(`message ${n}`)).toBe(true);
		expect(items.every((i, k) => k === 0 || (i.json.time as number) >= (items[k - 1].json.time as number))).toBe(true);
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(items[0].json).toEqual({
			time_iso: '2024-03-01T00:00:00+08:00',
			operation: 'accountReceived',
			worker: '',
			openid: 'o_user_0000',
			text: 'message 0',
			opercode: 2001,
			time: T0,
		});
		// Readable fields first, then WeChat's raw opercode and time (toEqual ignores key order).
		expect(items.every((i) => Object.keys(i.json).join() === RECORD_KEYS)).toBe(true);
		expect(items[209999].json.time_iso).toBe('2024-03-07T23:59:57+08:00');
		// Per day: 3 full pages of 10000, then 1 empty call that proves the window is done.
		const bodies = apiBodies();
		expect(bodies).toHaveLength(28);
		for (let d = 0; d < 7; d++) {
			const day = bodies.slice(d * 4, d * 4 + 4);
			expect(day.map((b) => [b.starttime, b.endtime, b.number])).toEqual(
				Array.from({ length: 4 }, () => [T0 + d * DAY, T0 + (d + 1) * DAY - 1, 10000]),
			);
			expect(day[0].msgid).toBe(1);
		}
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
		console.log(
			`record getAll 7 days × 30,000: ${items.length} items, ${ctx.sb.requestCount} requests ` +
				`(${bodies.length} getmsglist + ${ctx.sb.tokenRequests().length} token), wall time ${Math.round(wallMs)} ms`,
		);
	});

	it('default limit 50: asks getmsglist for 50 records once, outputs WeChat’s fields plus operation and time_iso', async () => {
		ctx.sb.state.records.add(
			Array.from({ length: 80 }, (_, i) => ({
				time: T0 + 3600 + i,
				worker: 'alice@sandbox_oa',
				openid: 'o_cust',
				opercode: i % 2 ? 2003 : 2002,
				text: `hello ${i}`,
			})),
		);
		const result = await run(workflow({ returnAll: false }));
		expect(result.error).toBeUndefined();
		const items = result.output(NODE);
		expect(items).toHaveLength(50);
		expect(items[1]).toEqual({
			json: {
				time_iso: '2024-03-01T01:00:01+08:00',
				operation: 'agentReceived',
				worker: 'alice@sandbox_oa',
				openid: 'o_cust',
				text: 'hello 1',
				opercode: 2003,
				time: T0 + 3601,
			},
			pairedItem: { item: 0 },
		});
		expect(Object.keys(items[1].json).join()).toBe(RECORD_KEYS);
		expect(apiBodies()).toEqual([{ starttime: T0, endtime: T0 + DAY - 1, msgid: 1, number: 50 }]);
	});

	it('reads Start/End Time in the workflow’s time zone and gives time_iso with that zone’s offset', async () => {
		// 2024-03-01T00:00:00 in New York = 05:00 UTC = T0 + 13 h.
		const start = T0 + 13 * 3600;
		ctx.sb.state.records.add([
			{ time: start - 1, worker: 'a@sandbox_oa', openid: 'o1', opercode: 2002, text: 'before' },
			{ time: start, worker: 'a@sandbox_oa', openid: 'o1', opercode: 2002, text: 'first' },
			{ time: start + DAY - 1, worker: 'a@sandbox_oa', openid: 'o1', opercode: 1004, text: 'last' },
			{ time: start + DAY, worker: 'a@sandbox_oa', openid: 'o1', opercode: 2002, text: 'after' },
		]);
		const result = await run(
			workflow({ startTime: '2024-03-01T00:00:00', endTime: '2024-03-01T23:59:59' }, { timezone: 'America/New_York' }),
		);
		expect(result.error).toBeUndefined();
		expect(result.json(NODE).map((j) => [j.text, j.time_iso, j.operation])).toEqual([
			['first', '2024-03-01T00:00:00-05:00', 'agentSent'],
			['last', '2024-03-01T23:59:59-05:00', 'sessionClosed'],
		]);
		expect(apiBodies()).toEqual([{ starttime: start, endtime: start + DAY - 1, msgid: 1, number: 10000 }]);
	});

	it('a workflow time zone n8n does not know, or an API option that is neither, is refused before any request', async () => {
		const zone = await run(workflow({ startTime: '2024-03-01T00:00:00' }, { timezone: 'Mars/Olympus_Mons' }));
		expect(zone.error?.message).toBe('"timezone" (the workflow\'s time zone) "Mars/Olympus_Mons" is not a known time zone');
		const api = await run(workflow({ startTime: '2024-03-01T00:00:00', options: { api: 'webhook' } }));
		expect(api.error?.message).toBe('"API" must be "msgList" or "legacy", got "webhook"');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('an explicit offset in the value wins over the workflow’s time zone', async () => {
		const result = await run(
			workflow({ startTime: '2024-03-01T00:00:00+08:00', endTime: '2024-03-01T00:59:59+08:00' }, { timezone: 'UTC' }),
		);
		expect(result.error).toBeUndefined();
		expect(apiBodies()).toEqual([{ starttime: T0, endtime: T0 + 3599, msgid: 1, number: 10000 }]);
	});

	it('legacy API with the openid option: one China-time day per query, openid sent, 50 per page by default', async () => {
		ctx.sb.state.records.add(
			Array.from({ length: 130 }, (_, i) => ({
				time: T0 + 20 * 3600 + i * 600, // crosses into 2024-03-02
				worker: 'bob@sandbox_oa',
				openid: i % 2 ? 'o_odd' : 'o_even',
				opercode: 2002,
				text: `t${i}`,
			})),
		);
		const result = await run(workflow({ options: { api: 'legacy', openid: 'o_even' } }));
		expect(result.error).toBeUndefined();
		const items = result.json(NODE);
		expect(items).toHaveLength(65);
		expect(items.map((j) => j.text)).toEqual(Array.from({ length: 65 }, (_, i) => `t${i * 2}`));
		const bodies = apiBodies(LEGACY_RECORD_PATH);
		expect(bodies.slice(0, 3)).toEqual([
			{ starttime: T0, endtime: T0 + DAY - 1, pageindex: 1, pagesize: 50, openid: 'o_even' },
			{ starttime: T0 + DAY, endtime: T0 + 2 * DAY - 1, pageindex: 1, pagesize: 50, openid: 'o_even' },
			{ starttime: T0 + DAY, endtime: T0 + 2 * DAY - 1, pageindex: 2, pagesize: 50, openid: 'o_even' },
		]);
		expect(bodies).toHaveLength(8); // days 1 and 2 hold records, days 3–7 one empty query each
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(0);
	});

	it('one run per input item, each item’s records paired with it (openid from an expression)', async () => {
		ctx.sb.state.records.add([
			{ time: T0 + 10, worker: 'a@sandbox_oa', openid: 'o1', opercode: 2002, text: 'to o1' },
			{ time: T0 + 20, worker: 'a@sandbox_oa', openid: 'o2', opercode: 2002, text: 'to o2' },
			{ time: T0 + 30, worker: 'a@sandbox_oa', openid: 'o1', opercode: 2003, text: 'from o1' },
		]);
		const wf = workflow({ endTime: '2024-03-01T23:59:59', options: { openid: '={{ $json.openid }}' } });
		wf.nodes.push({
			parameters: { items: JSON.stringify([{ openid: 'o2' }, { openid: 'o1' }]) },
			id: 'fixed-items',
			name: 'Customers',
			type: 'test.fixedItems',
			typeVersion: 1,
			position: [100, 0],
		});
		wf.connections = {
			'When clicking ‘Execute workflow’': { main: [[{ node: 'Customers', type: 'main', index: 0 }]] },
			Customers: { main: [[{ node: NODE, type: 'main', index: 0 }]] },
		};
		const result = await run(wf);
		expect(result.error).toBeUndefined();
		expect(result.output(NODE).map((i) => [i.json.text, i.pairedItem])).toEqual([
			['to o2', { item: 0 }],
			['to o1', { item: 1 }],
			['from o1', { item: 1 }],
		]);
	});

	it('a token expiring in the middle of paging: refreshed once, paging continues, 210 items, none lost or repeated', async () => {
		ctx.sb.state.records.generate({ start: T0, days: 1, perDay: 210 });
		tamperMsgList(ctx.sb, (_answer, req, served) => {
			if (served !== 2) return;
			// The sandbox clock jumps to the token's expiry between pages 2 and 3.
			const token = ctx.sb.state.tokens.get(req.query.access_token)!;
			ctx.sb.clock.advance(token.expiresAt - ctx.sb.clock.now());
		});
		const result = await run(workflow({ endTime: '2024-03-01T23:59:59', options: { pageSize: 50 } }));
		expect(result.error).toBeUndefined();
		const texts = result.json(NODE).map((j) => j.text);
		expect(texts).toEqual(Array.from({ length: 210 }, (_, i) => `message ${i}`));
		expect(ctx.sb.tokenRequests()).toHaveLength(2);
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(5);
	});

	it('a server whose cursor stops advancing: the node stops with a clear error, not a hang', async () => {
		ctx.sb.state.records.generate({ start: T0, days: 1, perDay: 20 });
		tamperMsgList(ctx.sb, (answer, req) => {
			answer.json.msgid = (req.json as { msgid: number }).msgid; // never moves
		});
		const result = await run(workflow({ options: { pageSize: 10 } }));
		expect(result.error?.message).toBe(
			"WeChat's getmsglist did not advance its msgid cursor (sent msgid 1, a full page came back with msgid 1); stopped to avoid reading the same records forever",
		);
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(1);
	});

	it('WeChat’s 65417 reaches the user with its hint', async () => {
		ctx.sb.setFault(MSG_LIST_PATH, { errcode: 65417, errmsg: 'starttime endtime range too long', times: 1 });
		const result = await run(workflow());
		expect(result.error?.message).toBe('The time range is too long for one query. WeChat: starttime endtime range too long (errcode 65417)');
		expect(result.error?.description).toMatch(/^WeChat accepts at most 24 hours per getmsglist query.* rid: \S+$/);
	});

	describe('validation before any request', () => {
		const cases: Array<[string, Record<string, unknown>, string]> = [
			[
				'start after end',
				{ startTime: '2024-03-02T00:00:00', endTime: '2024-03-01T00:00:00' },
				'"Start Time" must not be after "End Time"',
			],
			[
				'a range in the future',
				{ startTime: '2999-01-01T00:00:00', endTime: '' },
				'"Start Time" is in the future: there are no records yet',
			],
			[
				'no start (an expression that gives nothing; n8n itself refuses a literal empty value)',
				{ startTime: '={{ $json.missing ?? "" }}' },
				'"Start Time" is required but empty',
			],
			[
				'an invalid date',
				{ startTime: '2024-02-30T00:00:00' },
				'"Start Time" is not a valid date and time, got "2024-02-30T00:00:00" (use e.g. 2024-05-01T09:00:00)',
			],
			[
				'a getmsglist page size over 10000',
				{ options: { pageSize: 20000 } },
				'"Page Size" must be a whole number from 1 to 10000 for the getmsglist API, got 20000',
			],
			[
				'a legacy page size over 50',
				{ options: { api: 'legacy', pageSize: 100 } },
				'"Page Size" must be a whole number from 1 to 50 for the legacy getrecord API, got 100',
			],
			[
				'a limit of 0',
				{ returnAll: false, limit: 0 },
				'"Limit" must be a whole number of at least 1, got 0',
			],
		];
		it.each(cases)('%s', async (_name, params, message) => {
			const result = await run(workflow(params));
			expect(result.error?.message).toBe(message);
			expect(ctx.sb.requests).toHaveLength(0);
		});
	});
});
