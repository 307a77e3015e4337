import { LEGACY_RECORD_PATH } from '../../../nodes/WeChatCustomerService/client/records';
import { DAY, T0, recordQuery, recordTools } from '../../helpers/recordQueries';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox('empty');
const { collect, seed, bodies } = recordTools(ctx);
const query = recordQuery;

describe('KfClient.iterateRecordPages against the sandbox (legacy getrecord)', () => {
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
