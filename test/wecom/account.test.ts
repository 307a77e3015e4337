import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, runWeCom } from '../helpers/wecom';

const ctx = useSandbox('demo');

describe('WeCom Account: Get Many', () => {
	it('lists the demo accounts with one token request and one page', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'getAll', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(run.json(WECOM_NODE_NAME).map((a) => a.open_kfid)).toEqual([
			'wkAfterSalesDemo0000000000000000',
			'wkBookingDemo0000000000000000000',
			'wkStoreAssistantDemo000000000000',
		]);
		expect(ctx.sb.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /cgi-bin/gettoken', 'POST /cgi-bin/kf/account/list']);
		expect(ctx.sb.requests[1].json).toEqual({ offset: 0, limit: 100 });
	});

	it('stops at Limit', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'getAll', returnAll: false, limit: 2 });
		expect(run.json(WECOM_NODE_NAME)).toHaveLength(2);
		expect(ctx.sb.requests[1].json).toEqual({ offset: 0, limit: 2 });
	});

	it('names a wrong Secret in plain words, without the Secret', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'getAll', returnAll: true }, { credential: { secret: 'wrong-secret-value' } });
		expect(run.error?.message).toMatch(/^WeCom did not accept the Secret\. WeCom: .*\(errcode 40001\)$/);
		expect(JSON.stringify(run.error)).not.toContain('wrong-secret-value');
	});
});
