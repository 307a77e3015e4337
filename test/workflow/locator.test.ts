import type { ILoadOptionsFunctions, INode, INodeProperties } from 'n8n-workflow';

import { WeChatCustomerService } from '../../nodes/WeChatCustomerService/WeChatCustomerService.node';
import { searchAccounts, searchAgents } from '../../nodes/WeChatCustomerService/methods/listSearch';
import { withParams } from '../helpers/patch';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow, type WorkflowJson } from '../helpers/workflow';
import { LI, ALICE, BOB } from '../helpers/demo';
import { n8nHttpRequest } from '../helpers/transport';

const ctx = useSandbox('demo');
const description = new WeChatCustomerService().description;

function apiCalls() {
	return ctx.sb.requests
		.filter((r) => !r.path.endsWith('_token'))
		.map((r) => `${r.method} ${r.path} ${r.json === undefined ? '' : JSON.stringify(r.json)}`.trim());
}

/** The same workflow with every kfAccount turned into a locator value of `mode`. */
function asLocators(wf: WorkflowJson, mode: 'list' | 'id'): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(wf)) as WorkflowJson;
	for (const node of copy.nodes) {
		const value = node.parameters.kfAccount;
		if (typeof value === 'string') node.parameters.kfAccount = { __rl: true, mode, value };
	}
	return copy;
}

const EXPECTED_CALLS = [
	`POST /customservice/kfaccount/update ${JSON.stringify({ kf_account: ALICE, nickname: '小美' })}`,
	`POST /customservice/kfsession/create ${JSON.stringify({ kf_account: ALICE, openid: LI })}`,
	'GET /customservice/kfsession/getsessionlist',
	...Array.from({ length: 3 }, () =>
		`POST /cgi-bin/message/custom/send ${JSON.stringify({ touser: LI, msgtype: 'text', text: { content: 'Hello' }, customservice: { kf_account: BOB } })}`,
	),
];

describe('Account pickers (resource locators) and workflows saved with plain strings', () => {
	it('runs a workflow saved before the pickers (kfAccount as plain strings) unchanged', async () => {
		const result = await runWorkflow(loadWorkflow('saved-before-locator.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(apiCalls()).toEqual(EXPECTED_CALLS);
		expect(ctx.sb.requestsTo('/customservice/kfsession/getsessionlist')[0].query.kf_account).toBe(ALICE);
		expect(result.json('Send as Bob').map((j) => j.kf_account)).toEqual([BOB, BOB, BOB]);
	});

	it.each(['list', 'id'] as const)('runs the same with locator values in mode %s', async (mode) => {
		const result = await runWorkflow(asLocators(loadWorkflow('saved-before-locator.workflow.json'), mode), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(apiCalls()).toEqual(EXPECTED_CALLS);
	});

	it('refuses a badly typed account in n8n’s own check of the node, before any request', async () => {
		const wf = withParams(loadWorkflow('saved-before-locator.workflow.json'), 'Update Account', {
			kfAccount: { __rl: true, mode: 'id', value: 'alice' },
		});
		await expect(runWorkflow(wf, sandboxCredential(ctx.sb))).rejects.toThrow(
			"The 'Update Account' node has issues:\n- Enter the full account, prefix@OfficialAccountWeChatID (prefix: at most 10 letters, digits or underscores)",
		);
		expect(ctx.sb.requests).toEqual([]);
	});

	it('still checks an account that an expression gives, before any request', async () => {
		const wf = withParams(loadWorkflow('saved-before-locator.workflow.json'), 'Update Account', {
			kfAccount: { __rl: true, mode: 'id', value: '={{ "alice" }}' },
		});
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error?.message).toContain('must be the full account "prefix@OfficialAccountWeChatID" with exactly one "@", got "alice"');
		expect(apiCalls()).toEqual([]);
	});

	it('makes every account parameter a locator: From List (searchable) and By ID (checked); a new account is typed only', () => {
		const accounts = description.properties.filter((p) => p.name === 'kfAccount');
		expect(accounts.length).toBe(10);
		for (const p of accounts) {
			expect(p.type).toBe('resourceLocator');
			const show = p.displayOptions?.show ?? {};
			const isCreate = show.resource?.[0] === 'account' && show.operation?.[0] === 'create';
			expect(p.modes?.map((m) => m.name)).toEqual(isCreate ? ['id'] : ['list', 'id']);
			expect(p.default).toEqual({ mode: isCreate ? 'id' : 'list', value: '' });
			// n8n shows a mode named "id" as "By ID": the label says the same, and the placeholder what to type.
			expect(p.modes?.find((m) => m.name === 'id')).toMatchObject({ displayName: 'By ID', placeholder: 'e.g. alice@my_official_account' });
			const list = p.modes?.find((m) => m.name === 'list');
			if (list) {
				const method = show.resource?.[0] === 'session' ? 'searchAgents' : 'searchAccounts';
				expect(list.typeOptions).toEqual({ searchListMethod: method, searchable: true });
			}
		}
		expect(Object.keys(new WeChatCustomerService().methods.listSearch)).toEqual(['searchAccounts', 'searchAgents']);
	});

	it('checks a typed account in the editor with the same rule as before a request', () => {
		const p = description.properties.find((q) => q.name === 'kfAccount') as INodeProperties;
		const rule = p.modes?.find((m) => m.name === 'id')?.validation?.[0] as unknown as { properties: { regex: string } };
		const accepts = (v: string) => new RegExp(`^${rule.properties.regex}$`).test(v);
		expect([ALICE, 'a_1@gh_0123456789ab', 'abcdefghij@x'].every(accepts)).toBe(true);
		expect(['alice', '@sandbox_oa', 'alice@', 'a@b@c', 'abcdefghijk@x', 'al-ice@x', 'a@b c'].some(accepts)).toBe(false);
	});
});

describe('Account pickers: the searchable lists (listSearch)', () => {
	function loadOptions(): ILoadOptionsFunctions {
		const node = { name: 'WeChat Customer Service', type: 'n8n-nodes-wechat-customer-service.weChatCustomerService' } as INode;
		return {
			getCredentials: async (type: string) => sandboxCredential(ctx.sb)[type],
			getNode: () => node,
			helpers: { httpRequest: n8nHttpRequest },
		} as unknown as ILoadOptionsFunctions;
	}

	it('lists every account as "nickname (account)" from getkflist, filtered by nickname or account', async () => {
		const all = await searchAccounts.call(loadOptions());
		expect(all.results).toEqual([
			{ name: '客服小美 (alice@sandbox_oa)', value: 'alice@sandbox_oa' },
			{ name: 'Bob 🐻 (bob@sandbox_oa)', value: 'bob@sandbox_oa' },
			{ name: 'Carol (carol@sandbox_oa)', value: 'carol@sandbox_oa' },
			{ name: '大卫 (dave@sandbox_oa)', value: 'dave@sandbox_oa' },
			{ name: 'Erin (erin@sandbox_oa)', value: 'erin@sandbox_oa' },
		]);
		expect((await searchAccounts.call(loadOptions(), '小美')).results.map((r) => r.value)).toEqual([ALICE]);
		expect((await searchAccounts.call(loadOptions(), 'BOB')).results.map((r) => r.value)).toEqual([BOB]);
		expect((await searchAccounts.call(loadOptions(), 'nobody')).results).toEqual([]);
		expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')).toHaveLength(4);
	});

	it('lists a session’s agents online first, with where they are online and their load', async () => {
		const { results } = await searchAgents.call(loadOptions());
		expect(results.map((r) => r.name)).toEqual([
			'客服小美 (alice@sandbox_oa) · online (pc), 2 of 10 sessions',
			'Bob 🐻 (bob@sandbox_oa) · online (pc and mobile), 0 of 5 sessions',
			'Carol (carol@sandbox_oa) · online (mobile), 1 of 8 sessions',
			'大卫 (dave@sandbox_oa) · offline',
			'Erin (erin@sandbox_oa) · offline',
		]);
	});

	it('shows WeChat’s refusal in the list, without the token', async () => {
		ctx.sb.state.apps.get('wx_sandbox_app')!.kfDisabled = true;
		const error = await searchAccounts.call(loadOptions()).catch((e: Error) => e);
		expect((error as Error).message).toContain('65400');
		const token = ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')[0].query.access_token;
		expect(JSON.stringify(error)).not.toContain(token);
	});
});
