import { WECOM_DEMO } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, runWeCom } from '../helpers/wecom';

const ctx = useSandbox('demo');
const { afterSales, booking, store } = WECOM_DEMO.accounts;
const account = (value: string) => ({ __rl: true, mode: 'list', value });

/** What the sandbox saw after the token: method, path and JSON body. */
function apiCalls() {
	return ctx.sb.requests.filter((r) => r.path !== '/cgi-bin/gettoken').map((r) => ({ call: `${r.method} ${r.path}`, json: r.json, query: r.query.open_kfid }));
}

describe('WeCom Servicer: Add and Remove', () => {
	it('adds members and a department in one call, one item per id with WeCom’s errcode and a status in words', async () => {
		const run = await runWeCom(ctx.sb, {
			resource: 'servicer',
			operation: 'add',
			openKfId: account(booking),
			userIds: 'zhaoliu, nobody\nzhaoliu',
			departmentIds: '2',
		});
		expect(run.error).toBeUndefined();
		expect(apiCalls()).toEqual([
			{ call: 'POST /cgi-bin/kf/servicer/add', json: { open_kfid: booking, userid_list: ['zhaoliu', 'nobody'], department_id_list: [2] }, query: undefined },
		]);
		expect(run.json(WECOM_NODE_NAME)).toEqual([
			{ open_kfid: booking, userid: 'zhaoliu', success: true, errcode: 0, errmsg: 'success', status: 'added' },
			{
				open_kfid: booking,
				userid: 'nobody',
				success: false,
				errcode: 60111,
				errmsg: 'invalid string value `userid`',
				status: 'not added: WeCom does not know this member.',
				hint: 'Use the member’s userid from WeCom admin → Contacts (their account, not their name).',
			},
			{ open_kfid: booking, department_id: 2, success: true, errcode: 0, errmsg: 'success', status: 'added' },
		]);
	});

	it('splits more than 100 ids into calls of 100', async () => {
		const ghosts = Array.from({ length: 149 }, (_, i) => `ghost${i}`);
		const run = await runWeCom(ctx.sb, {
			resource: 'servicer',
			operation: 'add',
			openKfId: account(booking),
			userIds: `={{ ${JSON.stringify(['zhaoliu', ...ghosts])} }}`,
			departmentIds: '2',
		});
		expect(run.error).toBeUndefined();
		const bodies = ctx.sb.requestsTo('/cgi-bin/kf/servicer/add').map((r) => r.json as { userid_list?: string[]; department_id_list?: number[] });
		expect(bodies.map((b) => [b.userid_list?.length, b.department_id_list])).toEqual([
			[100, undefined],
			[50, [2]],
		]);
		expect(bodies[0].userid_list?.[0]).toBe('zhaoliu');
		const items = run.json(WECOM_NODE_NAME);
		expect(items).toHaveLength(151);
		expect(items.filter((i) => i.success).map((i) => i.userid ?? i.department_id)).toEqual(['zhaoliu', 2]);
	});

	it('removes a servicer and reports a member who is not one', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'servicer', operation: 'remove', openKfId: account(afterSales), userIds: 'lisi,wangwu' });
		expect(run.error).toBeUndefined();
		expect(apiCalls()).toEqual([{ call: 'POST /cgi-bin/kf/servicer/del', json: { open_kfid: afterSales, userid_list: ['lisi', 'wangwu'] }, query: undefined }]);
		expect(run.json(WECOM_NODE_NAME)).toEqual([
			{ open_kfid: afterSales, userid: 'lisi', success: true, errcode: 0, errmsg: 'success', status: 'removed' },
			{
				open_kfid: afterSales,
				userid: 'wangwu',
				success: false,
				errcode: 95014,
				errmsg: 'user is not servicer',
				status: 'not removed: This member is not a servicer of the account.',
				hint: 'Add them first with Servicer → Add, or pick one From List (Servicer → Get Many lists them).',
			},
		]);
	});

	it('refuses a bad id and no ids at all before any request', async () => {
		const bad = await runWeCom(ctx.sb, { resource: 'servicer', operation: 'add', openKfId: account(booking), userIds: 'zhang san!' });
		expect(bad.error?.message).toBe('"Member User IDs" must be WeCom userids (letters, digits, _ . @ and -, at most 64 each), got "san!"');
		const department = await runWeCom(ctx.sb, { resource: 'servicer', operation: 'add', openKfId: account(booking), departmentIds: '2, sales' });
		expect(department.error?.message).toBe('"Department IDs" must be department numbers, got "sales"');
		const none = await runWeCom(ctx.sb, { resource: 'servicer', operation: 'remove', openKfId: account(booking) });
		expect(none.error?.message).toBe('"Member User IDs" and "Department IDs" are both empty: give at least one id');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('explains an account this app may not manage (48002), and continues on fail with the error item', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'servicer', operation: 'add', openKfId: account(store), userIds: 'zhangsan' });
		expect(run.error?.message).toMatch(/^This app may not call this API, or may not manage this account\. WeCom: api forbidden.*\(errcode 48002\)$/);
		expect(run.error?.description).toMatch(/^In WeCom admin → 微信客服 → API, give this self-built app the API; .*manage_privilege\./);
		const failing = await runWeCom(
			ctx.sb,
			{ resource: 'servicer', operation: 'add', openKfId: account(store), userIds: 'zhangsan' },
			{ node: { onError: 'continueRegularOutput' } },
		);
		const [item] = failing.json(WECOM_NODE_NAME);
		expect(item.error).toMatch(/^This app may not call this API, or may not manage this account\. WeCom: api forbidden/);
		expect(item.details).toMatchObject({ errcode: 48002 });
	});
});

describe('WeCom Servicer: Get Many', () => {
	it('lists members with their status in words, then whole departments', async () => {
		const sales = await runWeCom(ctx.sb, { resource: 'servicer', operation: 'getAll', openKfId: account(afterSales) });
		expect(sales.error).toBeUndefined();
		expect(sales.json(WECOM_NODE_NAME)).toEqual([
			{ open_kfid: afterSales, userid: 'zhangsan', status: 0, status_name: 'receiving' },
			{ open_kfid: afterSales, userid: 'lisi', status: 1, status_name: 'stopped', stop_type: 1, stop_type_name: 'suspended' },
		]);
		const bookings = await runWeCom(ctx.sb, { resource: 'servicer', operation: 'getAll', openKfId: { __rl: true, mode: 'id', value: booking } });
		expect(bookings.json(WECOM_NODE_NAME)).toEqual([
			{ open_kfid: booking, userid: 'wangwu', status: 0, status_name: 'receiving' },
			{ open_kfid: booking, department_id: 3 },
		]);
		expect(apiCalls()).toEqual([
			{ call: 'GET /cgi-bin/kf/servicer/list', json: undefined, query: afterSales },
			{ call: 'GET /cgi-bin/kf/servicer/list', json: undefined, query: booking },
		]);
	});
});
