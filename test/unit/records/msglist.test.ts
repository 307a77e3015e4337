import { WeChatTransportError } from '../../../nodes/shared/transport/errors';
import { MSG_LIST_PATH } from '../../../nodes/WeChatCustomerService/client/records';
import { msgList } from '../../../sandbox/routes/records';
import { tamperMsgList } from '../../helpers/records';
import { DAY, T0, recordQuery, recordTools } from '../../helpers/recordQueries';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox('empty');
const { collect, seed, bodies } = recordTools(ctx);
const query = recordQuery;

describe('KfClient.iterateRecordPages against the sandbox (getmsglist)', () => {
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
