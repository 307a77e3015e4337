import { WECOM_DEMO, weComCustomers } from '../../../sandbox';
import { api, useWeComSandbox, weComError } from './helpers';

const ctx = useWeComSandbox('demo');
const { accounts: A, customers: C } = WECOM_DEMO;

describe('WeCom sandbox: servicers', () => {
	it('lists servicers with status, stop_type when stopped, and whole departments', async () => {
		weComCustomers.servicerChangesStatus(ctx.sb.state.wecom.demoCorp, A.afterSales, 'lisi', 1, 1);
		expect(await api(ctx.sb, `kf/servicer/list?open_kfid=${A.afterSales}`)).toEqual({
			errcode: 0,
			errmsg: 'ok',
			servicer_list: [
				{ userid: 'zhangsan', status: 0 },
				{ userid: 'lisi', status: 1, stop_type: 1 },
			],
		});
		expect((await api(ctx.sb, `kf/servicer/list?open_kfid=${A.booking}`)).servicer_list).toEqual([{ userid: 'wangwu', status: 0 }, { department_id: 3 }]);
	});

	it('adds and removes with one result row per id', async () => {
		expect(await api(ctx.sb, 'kf/servicer/add', { open_kfid: A.booking, userid_list: ['zhaoliu', 'nobody'], department_id_list: [2, 99] })).toEqual({
			errcode: 0,
			errmsg: 'ok',
			result_list: [
				{ userid: 'zhaoliu', errcode: 0, errmsg: 'success' },
				{ userid: 'nobody', errcode: 60111, errmsg: 'invalid string value `userid`' },
				{ department_id: 2, errcode: 0, errmsg: 'success' },
				{ department_id: 99, errcode: 60003, errmsg: 'department not found' },
			],
		});
		expect(await api(ctx.sb, 'kf/servicer/del', { open_kfid: A.booking, userid_list: ['zhaoliu', 'zhaoliu'] })).toEqual({
			errcode: 0,
			errmsg: 'ok',
			result_list: [
				{ userid: 'zhaoliu', errcode: 0, errmsg: 'success' },
				{ userid: 'zhaoliu', errcode: 95014, errmsg: 'user is not servicer' },
			],
		});
	});

	it('takes at most 100 ids per call and at least one', async () => {
		const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
		expect(await api(ctx.sb, 'kf/servicer/add', { open_kfid: A.booking, userid_list: many })).toEqual(weComError(40058, 'invalid Request Parameter: at most 100 ids per call'));
		expect(await api(ctx.sb, 'kf/servicer/add', { open_kfid: A.booking })).toEqual(weComError(40058, 'invalid Request Parameter: userid_list and department_id_list are both empty'));
	});
});

describe('WeCom sandbox: session states', () => {
	const state = (customer: string, account: string = A.afterSales) => api(ctx.sb, 'kf/service_state/get', { open_kfid: account, external_userid: customer });
	const trans = (customer: string, service_state: number, servicer_userid?: string, account: string = A.afterSales) =>
		api(ctx.sb, 'kf/service_state/trans', { open_kfid: account, external_userid: customer, service_state, ...(servicer_userid ? { servicer_userid } : {}) });

	it('reads the demo sessions', async () => {
		expect(await state(C.chen)).toEqual({ errcode: 0, errmsg: 'ok', service_state: 0 });
		expect(await state(C.wang)).toEqual({ errcode: 0, errmsg: 'ok', service_state: 3, servicer_userid: 'zhangsan' });
		expect(await state(C.li, A.booking)).toEqual({ errcode: 0, errmsg: 'ok', service_state: 1 });
		expect(await state(C.zhao, A.booking)).toEqual({ errcode: 0, errmsg: 'ok', service_state: 2 });
		expect(await state(C.li)).toEqual({ errcode: 0, errmsg: 'ok', service_state: 4 });
		expect(await state('wmNobody')).toEqual(weComError(40096, 'invalid external userid'));
	});

	it('walks 0 → 1 → 2 → 3 → 3 → 4 with a msg_code the first time into 2, 3 and on 4', async () => {
		expect(await trans(C.chen, 1)).toEqual({ errcode: 0, errmsg: 'ok' });
		expect(await trans(C.chen, 2)).toEqual({ errcode: 0, errmsg: 'ok', msg_code: expect.any(String) });
		expect(await trans(C.chen, 3, 'zhangsan')).toEqual({ errcode: 0, errmsg: 'ok', msg_code: expect.any(String) });
		expect(await state(C.chen)).toEqual({ errcode: 0, errmsg: 'ok', service_state: 3, servicer_userid: 'zhangsan' });
		ctx.sb.state.wecom.demoCorp.account(A.afterSales).servicers.get('lisi')!.status = 0;
		expect(await trans(C.chen, 3, 'lisi')).toEqual({ errcode: 0, errmsg: 'ok' });
		expect(await state(C.chen)).toEqual({ errcode: 0, errmsg: 'ok', service_state: 3, servicer_userid: 'lisi' });
		expect(await trans(C.chen, 4)).toEqual({ errcode: 0, errmsg: 'ok', msg_code: expect.any(String) });
		expect(await state(C.chen)).toEqual({ errcode: 0, errmsg: 'ok', service_state: 4 });
	});

	it.each([
		[1, 1],
		[2, 1],
		[2, 2],
		[3, 1],
		[3, 2],
		[4, 1],
		[4, 2],
		[4, 3],
	])('refuses %i → %i with 95016', async (from, to) => {
		const corp = ctx.sb.state.wecom.demoCorp;
		corp.session(A.afterSales, C.chen).service_state = from as 1 | 2 | 3 | 4;
		expect(await trans(C.chen, to, 'zhangsan')).toEqual(weComError(95016, 'service state trans not allowed'));
	});

	it('needs a receiving servicer of the account for state 3', async () => {
		expect(await trans(C.chen, 3)).toEqual(weComError(40058, 'invalid Request Parameter: servicer_userid missing'));
		expect(await trans(C.chen, 3, 'wangwu')).toEqual(weComError(95014, 'user is not servicer'));
		weComCustomers.servicerChangesStatus(ctx.sb.state.wecom.demoCorp, A.afterSales, 'lisi', 1, 0);
		expect(await trans(C.chen, 3, 'lisi')).toEqual(weComError(95019, 'servicer is not receiving'));
		expect(await trans(C.chen, 5)).toEqual(weComError(40058, 'invalid Request Parameter: service_state must be 1, 2, 3 or 4'));
		expect(await state(C.chen)).toMatchObject({ service_state: 0 });
	});

	it('ends a session 48 hours after the customer’s last message', async () => {
		ctx.sb.clock.advance(48 * 3600 - 20 * 60);
		expect(await state(C.chen)).toMatchObject({ service_state: 4 });
	});
});

describe('WeCom sandbox: customer/batchget', () => {
	it('returns profiles, the enter-session context on request, and the unknown ids', async () => {
		const res = await api(ctx.sb, 'kf/customer/batchget', { external_userid_list: [C.chen, 'wmNobody', C.tom], need_enter_session_context: 1 });
		expect(res).toEqual({
			errcode: 0,
			errmsg: 'ok',
			customer_list: [
				{ external_userid: C.chen, nickname: '陈小姐', avatar: 'https://wx.qlogo.cn/mmhead/demo-chen/0', gender: 2, unionid: 'oDemoUnionChen0000000000001', enter_session_context: { scene: 'order_page', scene_param: 'order=1001' } },
				{ external_userid: C.tom, nickname: 'Tom', avatar: 'https://wx.qlogo.cn/mmhead/demo-tom/0', gender: 1, unionid: '', enter_session_context: { scene: 'channels', scene_param: '', wechat_channels: { nickname: '示例小店', scene: 1 } } },
			],
			invalid_external_userid: ['wmNobody'],
		});
		const plain = await api(ctx.sb, 'kf/customer/batchget', { external_userid_list: [C.chen] });
		expect(plain.customer_list[0].enter_session_context).toBeUndefined();
	});

	it('takes 1–100 ids', async () => {
		const refused = weComError(40058, 'invalid Request Parameter: external_userid_list must hold 1-100 ids');
		expect(await api(ctx.sb, 'kf/customer/batchget', { external_userid_list: [] })).toEqual(refused);
		expect(await api(ctx.sb, 'kf/customer/batchget', { external_userid_list: Array.from({ length: 101 }, (_, i) => `wm${i}`) })).toEqual(refused);
	});
});
