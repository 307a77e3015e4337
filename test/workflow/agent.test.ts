import { loadWorkflow, runWorkflow } from '../helpers/workflow';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

const ctx = useSandbox('demo');

describe('Agent: Get Many through WorkflowExecute', () => {
	it('returns the sandbox agents with head_image_size, using exactly one token request', async () => {
		const wf = loadWorkflow('agent-get-many.workflow.json');
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const items = result.output('WeChat Customer Service');
		expect(items.map((i) => i.json.kf_account)).toEqual([
			'alice@sandbox_oa',
			'bob@sandbox_oa',
			'carol@sandbox_oa',
			'dave@sandbox_oa',
			'erin@sandbox_oa',
		]);
		expect(items.map((i) => i.json.head_image_size)).toEqual([640, 132, 96, null, 64]);
		expect(items[0].json).toEqual({
			kf_account: 'alice@sandbox_oa',
			kf_nick: '客服小美',
			kf_id: '1001',
			kf_headimgurl: `${ctx.sb.url}/mmhead/1001/0`,
			kf_wx: 'alice_wx',
			head_image_size: 640,
		});
		expect(items.every((i) => JSON.stringify(i.pairedItem) === '{"item":0}')).toBe(true);
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
		expect(ctx.sb.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /cgi-bin/stable_token',
			'GET /cgi-bin/customservice/getkflist',
		]);
		expect(ctx.sb.requests[0].json).toEqual({
			grant_type: 'client_credential',
			appid: 'wx_sandbox_app',
			secret: 'sandbox_secret',
			force_refresh: false,
		});
	});
});
