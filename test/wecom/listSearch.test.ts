import type { ILoadOptionsFunctions, INode } from 'n8n-workflow';

import { WECOM_DEMO } from '../../sandbox';
import { searchAccounts, searchServicers } from '../../nodes/WeComCustomerService/methods/listSearch';
import { WeComCustomerService } from '../../nodes/WeComCustomerService/WeComCustomerService.node';
import { useSandbox } from '../helpers/sandbox';
import { n8nHttpRequest } from '../helpers/transport';
import { WECOM_CREDENTIAL_TYPE, weComCredential } from '../helpers/wecom';

const ctx = useSandbox('demo');
const { afterSales, booking, store } = WECOM_DEMO.accounts;

function loadOptions(openKfId?: string): ILoadOptionsFunctions {
	const node = { name: 'WeCom Customer Service', type: 'n8n-nodes-wechat-customer-service.weComCustomerService' } as INode;
	return {
		getCredentials: async (type: string) => weComCredential(ctx.sb)[type],
		getCurrentNodeParameter: (name: string) => (name === 'openKfId' ? openKfId : undefined),
		getNode: () => node,
		helpers: { httpRequest: n8nHttpRequest },
	} as unknown as ILoadOptionsFunctions;
}

describe('WeCom pickers (listSearch)', () => {
	it('lists every account by name, searchable by name or open_kfid, and marks one this app may not manage', async () => {
		expect((await searchAccounts.call(loadOptions())).results).toEqual([
			{ name: '售后服务', value: afterSales },
			{ name: '预约咨询', value: booking },
			{ name: '门店小助手 · not manageable by this app', value: store },
		]);
		expect((await searchAccounts.call(loadOptions(), '预约')).results.map((r) => r.value)).toEqual([booking]);
		expect((await searchAccounts.call(loadOptions(), 'storeassistant')).results.map((r) => r.value)).toEqual([store]);
		expect(ctx.sb.requestsTo('/cgi-bin/kf/account/list').map((r) => r.json)).toEqual([
			{ offset: 0, limit: 100 },
			{ offset: 0, limit: 100 },
			{ offset: 0, limit: 100 },
		]);
	});

	it('lists the chosen account’s servicers, receiving first, without whole departments', async () => {
		ctx.sb.state.wecom.demoCorp.accounts.get(afterSales)!.servicers.get('zhangsan')!.status = 1;
		expect((await searchServicers.call(loadOptions(afterSales))).results).toEqual([
			{ name: 'zhangsan · not receiving (stopped)', value: 'zhangsan' },
			{ name: 'lisi · not receiving (suspended)', value: 'lisi' },
		]);
		ctx.sb.state.wecom.demoCorp.accounts.get(afterSales)!.servicers.get('zhangsan')!.status = 0;
		expect((await searchServicers.call(loadOptions(afterSales))).results.map((r) => r.name)).toEqual([
			'zhangsan · receiving',
			'lisi · not receiving (suspended)',
		]);
		expect((await searchServicers.call(loadOptions(booking), 'WANG')).results).toEqual([{ name: 'wangwu · receiving', value: 'wangwu' }]);
		expect(ctx.sb.requestsTo('/cgi-bin/kf/servicer/list').map((r) => r.query.open_kfid)).toEqual([afterSales, afterSales, booking]);
	});

	it('asks nothing before an account is chosen', async () => {
		expect((await searchServicers.call(loadOptions(''))).results).toEqual([]);
		expect(ctx.sb.requests).toEqual([]);
	});

	it('shows WeCom’s refusal in the list, without the token or Secret', async () => {
		ctx.sb.state.wecom.demoCorp.ipNotAllowed = true;
		const error = (await searchAccounts.call(loadOptions()).catch((e: Error) => e)) as Error & { description?: string };
		expect(error.message).toMatch(/^WeCom does not accept calls from this server’s IP address\. WeCom: .*\(errcode 60020\)$/);
		expect(error.description).toContain('Trusted IPs');
		const token = ctx.sb.requestsTo('/cgi-bin/kf/account/list')[0].query.access_token;
		expect(JSON.stringify(error)).not.toContain(token);
		expect(JSON.stringify(error)).not.toContain(String(weComCredential(ctx.sb)[WECOM_CREDENTIAL_TYPE].secret));
	});

	it('is registered on the node, and every account and servicer field uses it', () => {
		const node = new WeComCustomerService();
		expect(Object.keys(node.methods.listSearch)).toEqual(['searchAccounts', 'searchServicers']);
		const methods = node.description.properties
			.filter((p) => p.name === 'openKfId' || p.name === 'servicerUserId')
			.map((p) => [p.name, p.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod]);
		expect(methods.length).toBeGreaterThan(10);
		for (const [name, method] of methods) expect(method).toBe(name === 'openKfId' ? 'searchAccounts' : 'searchServicers');
	});
});
