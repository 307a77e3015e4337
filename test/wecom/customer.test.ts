import { WECOM_DEMO, weComCustomers } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, runWeCom } from '../helpers/wecom';

const ctx = useSandbox('demo');

const { chen, tom, li } = WECOM_DEMO.customers;
const get = (externalUserIds: string, extra: object = {}) => ({ resource: 'customer', operation: 'get', externalUserIds, ...extra });
const batchgets = () => ctx.sb.requestsTo('/cgi-bin/kf/customer/batchget').map((r) => r.json as { external_userid_list: string[]; need_enter_session_context: number });
const UNKNOWN =
	'WeCom does not know this customer: the external_userid is mistyped, belongs to another company, or has never contacted a 微信客服 account of this company';

describe('WeCom Customer: Get', () => {
	it('gets customers from a comma/newline-separated list, one item each in the order given', async () => {
		const run = await runWeCom(ctx.sb, get(`${tom}, ${chen}\n${tom}`));
		expect(run.error).toBeUndefined();
		expect(batchgets()).toEqual([{ external_userid_list: [tom, chen], need_enter_session_context: 0 }]);
		expect(run.json(WECOM_NODE_NAME)).toEqual([
			{ external_userid: tom, nickname: 'Tom', avatar: 'https://wx.qlogo.cn/mmhead/demo-tom/0', gender: 1, unionid: '' },
			{ external_userid: chen, nickname: '陈小姐', avatar: 'https://wx.qlogo.cn/mmhead/demo-chen/0', gender: 2, unionid: 'oDemoUnionChen0000000000001' },
		]);
	});

	it('adds the enter-session context when asked', async () => {
		const run = await runWeCom(ctx.sb, get(chen, { needEnterSessionContext: true }));
		expect(batchgets()).toEqual([{ external_userid_list: [chen], need_enter_session_context: 1 }]);
		expect(run.json(WECOM_NODE_NAME)[0].enter_session_context).toEqual({ scene: 'order_page', scene_param: 'order=1001' });
	});

	it('reports an id WeCom does not know as its own item, in plain words', async () => {
		const stranger = 'wmNobody000000000000000000000000';
		const run = await runWeCom(ctx.sb, get(`${li},${stranger}`));
		expect(run.error).toBeUndefined();
		expect(run.json(WECOM_NODE_NAME)).toEqual([
			expect.objectContaining({ external_userid: li, nickname: '李先生' }),
			{ external_userid: stranger, invalid: true, note: UNKNOWN },
		]);
	});

	it('takes a list from an expression and splits 250 ids into calls of 100', async () => {
		const corp = ctx.sb.state.wecom.demoCorp;
		const ids = Array.from({ length: 250 }, (_, n) => `wmBulk${String(n).padStart(26, '0')}`);
		for (const id of ids.slice(0, 240)) weComCustomers.ensureCustomer(corp, id, { nickname: id.slice(-3) });
		const run = await runWeCom(ctx.sb, get('={{ $json.ids }}'), { items: [{ ids }] });
		expect(run.error).toBeUndefined();
		expect(batchgets().map((b) => b.external_userid_list)).toEqual([ids.slice(0, 100), ids.slice(100, 200), ids.slice(200)]);
		const items = run.json(WECOM_NODE_NAME);
		expect(items).toHaveLength(250);
		expect(items.map((i) => i.external_userid)).toEqual(ids);
		expect(items.filter((i) => i.invalid).map((i) => i.external_userid)).toEqual(ids.slice(240));
	});

	it('refuses an empty list and a malformed id before any request', async () => {
		expect((await runWeCom(ctx.sb, get(' , \n'))).error?.message).toBe('"Customer External User IDs" is required but empty');
		expect((await runWeCom(ctx.sb, get(`${chen},wm/bad`))).error?.message).toBe(
			'"Customer External User IDs" holds "wm/bad", which is not an external_userid (letters, digits, _ and -, at most 64)',
		);
		expect((await runWeCom(ctx.sb, get(`${chen};wm#1`))).error?.message).toBe(
			'"Customer External User IDs" holds "wm#1", which is not an external_userid (letters, digits, _ and -, at most 64)',
		);
		expect(ctx.sb.requests).toEqual([]);
	});
});
