import { loadWorkflow, runWorkflow } from '../helpers/workflow';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

const ctx = useSandbox('demo');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const KF_DISABLED =
	'The new customer-service feature is not enabled for this Official Account. WeChat: please enable new custom service, or wait for a while if you have enabled (errcode 65400)';
const KF_DISABLED_HINT =
	'Enable it in the Official Account platform, or wait a while after enabling it.';

describe('Agent operations: errors, items and tokens through WorkflowExecute', () => {
	it('Get Online adds status_name to every online agent, right after status (n8n shows fields in the item’s order)', async () => {
		const result = await runWorkflow(loadWorkflow('agent-get-online.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.json('Online Agents').map((j) => Object.entries(j))).toEqual([
			Object.entries({ kf_account: 'alice@sandbox_oa', status: 1, status_name: 'pc', kf_id: '1001', auto_accept: 10, accepted_case: 2 }),
			Object.entries({ kf_account: 'bob@sandbox_oa', status: 3, status_name: 'pc_and_mobile', kf_id: '1002', auto_accept: 5, accepted_case: 0 }),
			Object.entries({ kf_account: 'carol@sandbox_oa', status: 2, status_name: 'mobile', kf_id: '1003', auto_accept: 8, accepted_case: 1 }),
		]);
	});

	it('reuses one token across executions in the same process', async () => {
		const wf = loadWorkflow('agent-get-many.workflow.json');
		await runWorkflow(wf, sandboxCredential(ctx.sb));
		await runWorkflow(wf, sandboxCredential(ctx.sb));
		await runWorkflow(loadWorkflow('agent-get-online.workflow.json'), sandboxCredential(ctx.sb));
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
		expect(ctx.sb.requests).toHaveLength(4);
	});

	it('fails the execution with errcode, errmsg and a plain-English hint, without the token', async () => {
		ctx.sb.state.apps.get('wx_sandbox_app')!.kfDisabled = true;
		const result = await runWorkflow(loadWorkflow('agent-get-many.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(KF_DISABLED);
		// The hint once, then WeChat's request id.
		expect(result.error?.description).toMatch(new RegExp(`^${escape(KF_DISABLED_HINT)} rid: \\S+$`));
		const token = ctx.sb.requests[1].query.access_token;
		expect(JSON.stringify(result.run)).not.toContain(token);
		expect(JSON.stringify(result.run)).not.toContain('sandbox_secret');
	});

	it('reports a wrong AppSecret from the token request', async () => {
		const result = await runWorkflow(
			loadWorkflow('agent-get-many.workflow.json'),
			sandboxCredential(ctx.sb, { appSecret: 'wrong-secret-value' }),
		);
		expect(result.error?.message).toBe('The AppSecret is wrong. WeChat: invalid appsecret (errcode 40125)');
		expect(result.error?.description).toMatch(/^Copy it again, or reset it.* rid: \S+$/);
		expect(JSON.stringify(result.run)).not.toContain('wrong-secret-value');
		expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')).toHaveLength(0);
	});

	it('Continue (regular output) turns the failure into an error item paired with its input', async () => {
		ctx.sb.state.apps.get('wx_sandbox_app')!.kfDisabled = true;
		const result = await runWorkflow(loadWorkflow('agent-continue-on-fail.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const [item] = result.output('WeChat Customer Service');
		expect(Object.keys(item.json)).toEqual(['error', 'details']);
		expect(item.json.error).toBe(KF_DISABLED);
		expect(item.json.details).toEqual({
			errcode: 65400,
			errmsg: expect.stringMatching(/^please enable new custom service, or wait for a while if you have enabled rid: /),
			hint: KF_DISABLED_HINT,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('Continue (using error output) sends only the failed item to the error output, in order', async () => {
		// The second of three items meets a busy server that never recovers; the others succeed.
		let calls = 0;
		ctx.sb.addRoute({
			method: 'GET',
			path: '/cgi-bin/customservice/getonlinekflist',
			handler: () => {
				calls++;
				return calls === 2 || calls > 3
					? { json: { errcode: 65400, errmsg: 'please enable new custom service' } }
					: { json: { kf_online_list: [{ kf_account: `a${calls}@oa`, kf_id: '1', status: 1 }] } };
			},
		});
		const result = await runWorkflow(loadWorkflow('agent-error-output.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const ok = result.output('Succeeded');
		const failed = result.output('Failed');
		expect(ok).toHaveLength(2);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toBe('The new customer-service feature is not enabled for this Official Account. WeChat: please enable new custom service (errcode 65400)');
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
	});
});
