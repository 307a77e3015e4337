import { WeChatInputError, WeChatTransportError } from '../../nodes/WeChatCustomerService/client/errors';
import {
	LEGACY_RECORD_PATH,
	MSG_LIST_PATH,
	operationName,
	recordWindows,
	validateRecordQuery,
	type RecordQuery,
} from '../../nodes/WeChatCustomerService/client/records';
import { createKfClient } from '../../nodes/WeChatCustomerService/client/settings';
import type { KfRecord } from '../../nodes/WeChatCustomerService/client/types';
import { ZonedFormatter, parseIsoInZone } from '../../nodes/WeChatCustomerService/client/zonedTime';
import { msgList } from '../../sandbox/routes/records';
import type { NewRecord } from '../../sandbox/records';
import { tamperMsgList } from '../helpers/records';
import { CREDENTIAL_TYPE, sandboxCredential, useSandbox } from '../helpers/sandbox';

const ctx = useSandbox('empty');

/** 2024-03-01 00:00:00 in China time. */
const T0 = 1709222400;
const DAY = 86400;

function client() {
	return createKfClient(sandboxCredential(ctx.sb)[CREDENTIAL_TYPE] as never);
}

function query(overrides: Partial<RecordQuery> = {}): RecordQuery {
	return { startTime: T0, endTime: T0 + DAY - 1, api: 'msgList', pageSize: 10000, ...overrides };
}

async function collect(q: RecordQuery): Promise<KfRecord[]> {
	const out: KfRecord[] = [];
	for await (const r of client().iterateRecords(q)) out.push(r);
	return out;
}

function seed(times: number[], openidOf: (i: number) => string = () => 'o_cust'): NewRecord[] {
	const records = times.map((time, i) => ({ time, worker: 'alice@sandbox_oa', openid: openidOf(i), opercode: 2002, text: `r${i}` }));
	ctx.sb.state.records.add(records);
	return records;
}

/** The bodies the sandbox received on one path, in order. */
function bodies(path: string) {
	return ctx.sb.requestsTo(path).map((r) => r.json);
}

describe('record windows', () => {
	it('getmsglist: consecutive inclusive 24 h windows [t, t+86399], [t+86400, …], last one cut at the end', () => {
		expect([...recordWindows(T0, T0 + 2 * DAY + 99, 'msgList')]).toEqual([
			{ start: T0, end: T0 + DAY - 1 },
			{ start: T0 + DAY, end: T0 + 2 * DAY - 1 },
			{ start: T0 + 2 * DAY, end: T0 + 2 * DAY + 99 },
		]);
		expect([...recordWindows(T0 + 5, T0 + 5, 'msgList')]).toEqual([{ start: T0 + 5, end: T0 + 5 }]);
	});

	it('legacy: one calendar day in China time per window, wherever the range starts', () => {
		// 2024-03-01 18:00 China time → 2024-03-03 06:00 China time.
		expect([...recordWindows(T0 + 18 * 3600, T0 + 2 * DAY + 6 * 3600, 'legacy')]).toEqual([
			{ start: T0 + 18 * 3600, end: T0 + DAY - 1 },
			{ start: T0 + DAY, end: T0 + 2 * DAY - 1 },
			{ start: T0 + 2 * DAY, end: T0 + 2 * DAY + 6 * 3600 },
		]);
	});

	it('names every opercode of the seed doc, unknown for the rest', () => {
		expect([1000, 1001, 1002, 1004, 1005, 2001, 2002, 2003, 1003, 9999].map(operationName)).toEqual([
			'sessionCreatedUnaccepted',
			'sessionAccepted',
			'sessionInitiated',
			'sessionClosed',
			'sessionGrabbed',
			'accountReceived',
			'agentSent',
			'agentReceived',
			'unknown',
			'unknown',
		]);
	});
});

describe('zoned time', () => {
	it('reads wall time in the zone, or an explicit offset as given', () => {
		expect(parseIsoInZone('2024-03-01T00:00:00', 'Asia/Shanghai')).toBe(T0);
		expect(parseIsoInZone('2024-03-01 00:00', 'Asia/Shanghai')).toBe(T0);
		expect(parseIsoInZone('2024-03-01', 'UTC')).toBe(T0 + 8 * 3600);
		expect(parseIsoInZone('2024-03-01T00:00:00.000+08:00', 'America/New_York')).toBe(T0);
		expect(parseIsoInZone('2024-02-29T16:00:00Z', 'Asia/Tokyo')).toBe(T0);
		expect(parseIsoInZone('2024-03-01T00:00:00', 'America/New_York')).toBe(T0 + 13 * 3600);
		// New York summer time: UTC-4.
		expect(parseIsoInZone('2024-07-01T00:00:00', 'America/New_York')).toBe(Date.UTC(2024, 6, 1, 4) / 1000);
		expect(parseIsoInZone('2024-02-30T00:00:00', 'UTC')).toBeUndefined();
		expect(parseIsoInZone('yesterday', 'UTC')).toBeUndefined();
	});

	it('formats ISO 8601 with the offset in force at that instant', () => {
		const ny = new ZonedFormatter('America/New_York');
		expect(ny.iso(Date.UTC(2024, 2, 10, 6, 59, 59) / 1000)).toBe('2024-03-10T01:59:59-05:00');
		expect(ny.iso(Date.UTC(2024, 2, 10, 7, 0, 0) / 1000)).toBe('2024-03-10T03:00:00-04:00');
		expect(new ZonedFormatter('Asia/Shanghai').iso(T0)).toBe('2024-03-01T00:00:00+08:00');
		expect(new ZonedFormatter('Asia/Kolkata').iso(T0)).toBe('2024-02-29T21:30:00+05:30');
		expect(new ZonedFormatter('UTC').iso(T0)).toBe('2024-02-29T16:00:00+00:00');
	});
});

describe('validateRecordQuery', () => {
	const now = T0 + 10 * DAY;
	const problem = (q: Partial<RecordQuery>) => {
		try {
			validateRecordQuery(query(q), now);
			return 'ok';
		} catch (error) {
			expect(error).toBeInstanceOf(WeChatInputError);
			return `${(error as WeChatInputError).field}: ${(error as Error).message}`;
		}
	};

	it('accepts a one-second range (WeChat’s own example sends starttime == endtime)', () => {
		expect(problem({ startTime: T0, endTime: T0 })).toBe('ok');
	});

	it('refuses reversed and future ranges and out-of-range page sizes', () => {
		expect(problem({ startTime: T0 + 1, endTime: T0 })).toBe('startTime: must not be after "endTime"');
		expect(problem({ startTime: now + 1, endTime: now + 2 })).toBe('startTime: is in the future: there are no records yet');
		expect(problem({ pageSize: 10001 })).toBe(
			'pageSize: must be a whole number from 1 to 10000 for the getmsglist API, got 10001',
		);
		expect(problem({ api: 'legacy', pageSize: 51 })).toBe(
			'pageSize: must be a whole number from 1 to 50 for the legacy getrecord API, got 51',
		);
		expect(problem({ pageSize: 0 })).toBe('pageSize: must be a whole number from 1 to 10000 for the getmsglist API, got 0');
		expect(problem({ limit: 0 })).toBe('limit: must be a whole number of at least 1, got 0');
		expect(problem({ api: 'other' as never })).toBe('api: must be "msgList" or "legacy", got "other"');
	});
});

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

describe('KfClient.iterateRecords against the sandbox (getmsglist)', () => {
	it('an empty range costs one request per window and yields nothing', async () => {
		expect(await collect(query({ endTime: T0 + 2 * DAY - 1 }))).toEqual([]);
		expect(bodies(MSG_LIST_PATH)).toEqual([
			{ starttime: T0, endtime: T0 + DAY - 1, msgid: 1, number: 10000 },
			{ starttime: T0 + DAY, endtime: T0 + 2 * DAY - 1, msgid: 1, number: 10000 },
		]);
	});

	it('exactly one full page: the page, then one empty request that proves the window is done (2 calls)', async () => {
		seed(Array.from({ length: 10 }, (_, i) => T0 + i));
		const ids = ctx.sb.state.records.msgid;
		const records = await collect(query({ pageSize: 10 }));
		expect(records.map((r) => r.text)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
		expect(records[0]).toEqual({ worker: 'alice@sandbox_oa', openid: 'o_cust', opercode: 2002, time: T0, text: 'r0' });
		expect(bodies(MSG_LIST_PATH)).toEqual([
			{ starttime: T0, endtime: T0 + DAY - 1, msgid: 1, number: 10 },
			{ starttime: T0, endtime: T0 + DAY - 1, msgid: ids[9] + 1, number: 10 },
		]);
	});

	it('a total that is an exact multiple of the page size: k full pages + 1 empty call (30 records / 10 → 4 calls)', async () => {
		seed(Array.from({ length: 30 }, (_, i) => T0 + i * 60));
		const ids = ctx.sb.state.records.msgid;
		const records = await collect(query({ pageSize: 10 }));
		expect(records.map((r) => r.text)).toEqual(Array.from({ length: 30 }, (_, i) => `r${i}`));
		expect(bodies(MSG_LIST_PATH).map((b) => (b as { msgid: number }).msgid)).toEqual([1, ids[9] + 1, ids[19] + 1, ids[29] + 1]);
	});

	it('a short last page ends the window without another call (25 records / 10 → 3 calls)', async () => {
		seed(Array.from({ length: 25 }, (_, i) => T0 + i));
		expect(await collect(query({ pageSize: 10 }))).toHaveLength(25);
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(3);
	});

	it('records exactly on window boundaries appear once, in the window that holds them', async () => {
		const times = [T0, T0 + DAY - 1, T0 + DAY, T0 + 2 * DAY - 1, T0 + 2 * DAY, T0 + 2 * DAY + 500];
		seed(times);
		seed([T0 - 1, T0 + 2 * DAY + 501]); // just outside the range
		const records = await collect(query({ endTime: T0 + 2 * DAY + 500 }));
		expect(records.map((r) => r.time)).toEqual(times);
		expect(bodies(MSG_LIST_PATH).map((b) => [(b as { starttime: number }).starttime, (b as { endtime: number }).endtime])).toEqual([
			[T0, T0 + DAY - 1],
			[T0 + DAY, T0 + 2 * DAY - 1],
			[T0 + 2 * DAY, T0 + 2 * DAY + 500],
		]);
	});

	it('limit in the middle of a page: asks only for what is still wanted, then stops (25 of 100 → 10, 10, 5)', async () => {
		seed(Array.from({ length: 100 }, (_, i) => T0 + i));
		const records = await collect(query({ pageSize: 10, limit: 25 }));
		expect(records.map((r) => r.text)).toEqual(Array.from({ length: 25 }, (_, i) => `r${i}`));
		expect(bodies(MSG_LIST_PATH).map((b) => (b as { number: number }).number)).toEqual([10, 10, 5]);
	});

	it('openid filter: getmsglist has no openid field, so full pages are read and filtered here; limit stops mid-page', async () => {
		seed(Array.from({ length: 40 }, (_, i) => T0 + i), (i) => (i % 4 === 0 ? 'o_wanted' : 'o_other'));
		const all = await collect(query({ pageSize: 10, openid: 'o_wanted' }));
		expect(all.map((r) => r.text)).toEqual(Array.from({ length: 10 }, (_, i) => `r${i * 4}`));
		expect(bodies(MSG_LIST_PATH).every((b) => !('openid' in (b as object)))).toBe(true);
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(5);
		ctx.sb.clearRequests();
		const limited = await collect(query({ pageSize: 10, openid: 'o_wanted', limit: 4 }));
		expect(limited.map((r) => r.text)).toEqual(['r0', 'r4', 'r8', 'r12']);
		// r12 is on the second page (records 10–19): no third request.
		expect(bodies(MSG_LIST_PATH).map((b) => (b as { number: number }).number)).toEqual([10, 10]);
	});

	it('worker filter is applied here for both APIs', async () => {
		ctx.sb.state.records.add([
			{ time: T0 + 1, worker: 'alice@sandbox_oa', openid: 'o1', opercode: 2002, text: 'a' },
			{ time: T0 + 2, worker: 'bob@sandbox_oa', openid: 'o1', opercode: 2002, text: 'b' },
			{ time: T0 + 3, worker: 'alice@sandbox_oa', openid: 'o2', opercode: 2003, text: 'c' },
		]);
		expect((await collect(query({ worker: 'alice@sandbox_oa' }))).map((r) => r.text)).toEqual(['a', 'c']);
		expect((await collect(query({ api: 'legacy', pageSize: 50, worker: 'bob@sandbox_oa' }))).map((r) => r.text)).toEqual(['b']);
	});

	it('a token revoked between pages: one refresh, the same page asked again, nothing lost or repeated', async () => {
		seed(Array.from({ length: 35 }, (_, i) => T0 + i));
		tamperMsgList(ctx.sb, (_answer, req, served) => {
			// Revoke the token that was just used, as if it expired right after page 1.
			if (served === 1) ctx.sb.state.tokens.get(req.query.access_token)!.revokedAt = ctx.sb.clock.now();
		});
		const records = await collect(query({ pageSize: 10 }));
		expect(records.map((r) => r.text)).toEqual(Array.from({ length: 35 }, (_, i) => `r${i}`));
		const ids = ctx.sb.state.records.msgid;
		expect(ctx.sb.requests.map((r) => `${r.path} ${r.json ? (r.json as { msgid?: number }).msgid ?? '' : ''}`)).toEqual([
			'/cgi-bin/stable_token ',
			`${MSG_LIST_PATH} 1`,
			`${MSG_LIST_PATH} ${ids[9] + 1}`, // 40001
			'/cgi-bin/stable_token ',
			`${MSG_LIST_PATH} ${ids[9] + 1}`,
			`${MSG_LIST_PATH} ${ids[19] + 1}`,
			`${MSG_LIST_PATH} ${ids[29] + 1}`,
		]);
		const tokens = ctx.sb.requestsTo(MSG_LIST_PATH).map((r) => r.query.access_token);
		expect(tokens[0]).toBe(tokens[1]);
		expect(tokens[2]).not.toBe(tokens[1]);
		expect(new Set(tokens.slice(2)).size).toBe(1);
	});

	it('a server whose msgid cursor does not advance: a clear error after the first full page, not a hang', async () => {
		seed(Array.from({ length: 20 }, (_, i) => T0 + i));
		tamperMsgList(ctx.sb, (answer, req) => {
			answer.json.msgid = (req.json as { msgid: number }).msgid; // never moves
		});
		const error = await collect(query({ pageSize: 10 })).then(() => new Error('expected a rejection'), (e: Error) => e);
		expect(error).toBeInstanceOf(WeChatTransportError);
		expect(error.message).toBe(
			"WeChat's getmsglist did not advance its msgid cursor (sent msgid 1, a full page came back with msgid 1); stopped to avoid reading the same records forever",
		);
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(1);
	});

	it('a server that advances msgid but repeats the same page: a clear error on the repeat', async () => {
		seed(Array.from({ length: 20 }, (_, i) => T0 + i));
		ctx.sb.addRoute({
			method: 'POST',
			path: MSG_LIST_PATH,
			handler: (req, sb) => {
				const sent = (req.json as { msgid: number }).msgid;
				const answer = msgList({ ...req, json: { ...(req.json as object), msgid: 1 } }, sb) as { json: { msgid: number } };
				answer.json.msgid = sent + 1000;
				return answer;
			},
		});
		const error = await collect(query({ pageSize: 10 })).then(() => new Error('expected a rejection'), (e: Error) => e);
		expect(error.message).toBe(
			`WeChat returned the same page of records again (msgid 1001, window ${T0}–${T0 + DAY - 1}); stopped to avoid reading the same records forever`,
		);
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(2);
	});
});

describe('KfClient.iterateRecords against the sandbox (legacy getrecord)', () => {
	it('pages with pageindex from 1 while a page is full, one China-time day per query, openid sent to WeChat', async () => {
		seed(Array.from({ length: 120 }, (_, i) => T0 + i * 60), (i) => (i % 2 ? 'o_b' : 'o_a'));
		seed([T0 + DAY + 5], () => 'o_a');
		const records = await collect(query({ api: 'legacy', pageSize: 50, endTime: T0 + DAY + 100 }));
		expect(records).toHaveLength(121);
		expect(new Set(records.map((r) => `${r.time}|${r.text}`)).size).toBe(121);
		expect(bodies(LEGACY_RECORD_PATH)).toEqual([
			{ starttime: T0, endtime: T0 + DAY - 1, pageindex: 1, pagesize: 50 },
			{ starttime: T0, endtime: T0 + DAY - 1, pageindex: 2, pagesize: 50 },
			{ starttime: T0, endtime: T0 + DAY - 1, pageindex: 3, pagesize: 50 },
			{ starttime: T0 + DAY, endtime: T0 + DAY + 100, pageindex: 1, pagesize: 50 },
		]);
		ctx.sb.clearRequests();
		const mine = await collect(query({ api: 'legacy', pageSize: 50, openid: 'o_a' }));
		expect(mine).toHaveLength(60);
		expect(mine.every((r) => r.openid === 'o_a')).toBe(true);
		expect(bodies(LEGACY_RECORD_PATH)).toEqual([
			{ starttime: T0, endtime: T0 + DAY - 1, pageindex: 1, pagesize: 50, openid: 'o_a' },
			{ starttime: T0, endtime: T0 + DAY - 1, pageindex: 2, pagesize: 50, openid: 'o_a' },
		]);
	});

	it('limit in the middle of a page: keeps the page size (pageindex offsets depend on it) and stops (70 → 2 calls)', async () => {
		seed(Array.from({ length: 200 }, (_, i) => T0 + i));
		const records = await collect(query({ api: 'legacy', pageSize: 50, limit: 70 }));
		expect(records.map((r) => r.text)).toEqual(Array.from({ length: 70 }, (_, i) => `r${i}`));
		expect(bodies(LEGACY_RECORD_PATH).map((b) => (b as { pageindex: number }).pageindex)).toEqual([1, 2]);
	});

	it('a server that ignores pageindex (same full page again): a clear error, not a hang', async () => {
		seed(Array.from({ length: 60 }, (_, i) => T0 + i));
		ctx.sb.addRoute({
			method: 'POST',
			path: LEGACY_RECORD_PATH,
			handler: (_req, sb) => ({
				json: { recordlist: sb.state.records.all().slice(0, 50) },
			}),
		});
		const error = await collect(query({ api: 'legacy', pageSize: 50 })).then(() => new Error('expected a rejection'), (e: Error) => e);
		expect(error.message).toBe(
			`WeChat returned the same page of records again (pageindex 2, window ${T0}–${T0 + DAY - 1}); stopped to avoid reading the same records forever`,
		);
		expect(ctx.sb.requestsTo(LEGACY_RECORD_PATH)).toHaveLength(2);
	});
});
