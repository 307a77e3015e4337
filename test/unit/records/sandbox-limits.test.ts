import { LEGACY_RECORD_PATH, MSG_LIST_PATH } from '../../../nodes/WeChatCustomerService/client/records';
import type { KfRecord } from '../../../nodes/WeChatCustomerService/client/types';
import { DAY, T0, recordTools } from '../../helpers/recordQueries';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox('empty');
const { client, seed } = recordTools(ctx);

describe('sandbox: chat record APIs follow WeChat’s limits', () => {
	async function post(path: string, json: unknown, method = 'POST') {
		const c = client();
		await c.listAgents(); // fetches a token
		const token = ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')[0].query.access_token;
		const res = await fetch(`${ctx.sb.url}${path}?access_token=${token}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: method === 'POST' ? JSON.stringify(json) : undefined,
		});
		return (await res.json()) as Record<string, unknown>;
	}
	const code = (r: Record<string, unknown>) => r.errcode;

	it('getmsglist: a window over 24 h → 65417; exactly 24 h inclusive is fine; number > 10000 → 65416; GET → 43002', async () => {
		expect(code(await post(MSG_LIST_PATH, { starttime: T0, endtime: T0 + DAY, msgid: 1, number: 10 }))).toBe(65417);
		expect(await post(MSG_LIST_PATH, { starttime: T0, endtime: T0 + DAY - 1, msgid: 1, number: 10 })).toEqual({
			recordlist: [],
			number: 0,
			msgid: 1,
		});
		expect(code(await post(MSG_LIST_PATH, { starttime: T0, endtime: T0 + 60, msgid: 1, number: 10001 }))).toBe(65416);
		expect(code(await post(MSG_LIST_PATH, { starttime: T0 + 60, endtime: T0, msgid: 1, number: 10 }))).toBe(65416);
		expect(code(await post(MSG_LIST_PATH, { starttime: T0, endtime: T0 + 60, msgid: 0, number: 10 }))).toBe(65416);
		expect(code(await post(MSG_LIST_PATH, undefined, 'GET'))).toBe(43002);
	});

	it('getrecord: across China-time days → 65416; pagesize > 50 → 65416', async () => {
		const sameDay = { starttime: T0, endtime: T0 + DAY - 1, pageindex: 1, pagesize: 50 };
		expect(await post(LEGACY_RECORD_PATH, sameDay)).toEqual({ recordlist: [] });
		expect(code(await post(LEGACY_RECORD_PATH, { ...sameDay, endtime: T0 + DAY }))).toBe(65416);
		expect(code(await post(LEGACY_RECORD_PATH, { ...sameDay, pagesize: 51 }))).toBe(65416);
		expect(code(await post(LEGACY_RECORD_PATH, { ...sameDay, pageindex: 0 }))).toBe(65416);
	});

	it('getmsglist answers the msgid to send next, and msgids increase with time (with gaps)', async () => {
		seed([T0 + 10, T0 + 20, T0 + 30, T0 + 40, T0 + 50, T0 + 60, T0 + 70, T0 + 80]);
		const ids = ctx.sb.state.records.msgid;
		expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
		expect(ids.some((id, i) => i > 0 && id > ids[i - 1] + 1)).toBe(true);
		const first = await post(MSG_LIST_PATH, { starttime: T0, endtime: T0 + 100, msgid: 1, number: 3 });
		expect(first.number).toBe(3);
		expect(first.msgid).toBe(ids[2] + 1);
		const second = await post(MSG_LIST_PATH, { starttime: T0, endtime: T0 + 100, msgid: first.msgid, number: 3 });
		expect((second.recordlist as KfRecord[]).map((r) => r.text)).toEqual(['r3', 'r4', 'r5']);
	});

	it('seeds 210,000 records in one call, sorted by time', () => {
		ctx.sb.state.records.generate({ start: T0, days: 7, perDay: 30000 });
		const s = ctx.sb.state.records;
		expect(s.size).toBe(210000);
		expect(s.timeRange(T0, T0 + DAY - 1)).toEqual([0, 30000]);
		expect(s.timeRange(T0 + 6 * DAY, T0 + 7 * DAY - 1)).toEqual([180000, 210000]);
		expect(s.time.every((t, i) => i === 0 || t >= s.time[i - 1])).toBe(true);
	});

	it('keeps msgids increasing with time when an older record is added late', () => {
		seed([T0 + 100, T0 + 300]);
		seed([T0 + 200]);
		expect(ctx.sb.state.records.all().map((r) => [r.time, r.text])).toEqual([
			[T0 + 100, 'r0'],
			[T0 + 200, 'r0'],
			[T0 + 300, 'r1'],
		]);
		const ids = ctx.sb.state.records.msgid;
		expect(ids[0] < ids[1] && ids[1] < ids[2]).toBe(true);
	});
});
