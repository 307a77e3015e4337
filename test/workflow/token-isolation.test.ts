import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { loadWorkflow, runWorkflow } from '../helpers/workflow';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';

const ctx = useSandbox('demo');
const wf = loadWorkflow('agent-get-many.workflow.json');
const TOKEN_SERVER_KEY = 'owner-header-key-31337';

/** A central token server on the sandbox that hands out WeChat's token only for the right header. */
function addTokenServer() {
	ctx.sb.addRoute({
		method: 'GET',
		path: '/central-token',
		handler: async (req, sb) => {
			if (req.headers['x-token-key'] !== TOKEN_SERVER_KEY) {
				return { json: { errcode: 40001, errmsg: 'wrong token server key' } };
			}
			const res = await fetch(`${sb.url}/cgi-bin/stable_token`, {
				method: 'POST',
				body: JSON.stringify({ grant_type: 'client_credential', appid: 'wx_sandbox_app', secret: 'sandbox_secret' }),
			});
			return { json: (await res.json()) as Record<string, unknown> };
		},
	});
}

type Source = { name: string; owner: ICredentialDataDecryptedObject; intruder: ICredentialDataDecryptedObject; tokenPath: string };

const sources = (): Source[] => [
	{
		name: 'stableToken',
		owner: { source: 'stableToken' },
		intruder: { source: 'stableToken', appSecret: 'guessed-secret-1' },
		tokenPath: '/cgi-bin/stable_token',
	},
	{
		name: 'classicToken',
		owner: { source: 'classicToken' },
		intruder: { source: 'classicToken', appSecret: 'guessed-secret-2' },
		tokenPath: '/cgi-bin/token',
	},
	{
		name: 'tokenServer',
		owner: {
			source: 'tokenServer',
			tokenServerUrl: `${ctx.sb.url}/central-token`,
			serverHeaderName: 'X-Token-Key',
			tokenServerHeaderValue: TOKEN_SERVER_KEY,
		},
		intruder: {
			source: 'tokenServer',
			tokenServerUrl: `${ctx.sb.url}/central-token`,
			serverHeaderName: 'X-Token-Key',
			tokenServerHeaderValue: 'guessed-header-key',
		},
		tokenPath: '/central-token',
	},
];

const run = async (data: ICredentialDataDecryptedObject) => await runWorkflow(wf, sandboxCredential(ctx.sb, data));

describe('A cached token serves only the credential that can fetch it', () => {
	beforeEach(() => addTokenServer());

	for (const index of [0, 1, 2]) {
		const name = ['stableToken', 'classicToken', 'tokenServer'][index];

		it(`${name}: owner first, then a credential with the same AppID/URL but a wrong secret is refused`, async () => {
			const source = sources()[index];
			expect((await run(source.owner)).error).toBeUndefined();
			const intruder = await run(source.intruder);
			expect(intruder.error?.name).toBe('NodeApiError');
			expect(intruder.output('WeChat Customer Service')).toEqual([]);
			expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')).toHaveLength(1);
			expect(ctx.sb.requestsTo(source.tokenPath)).toHaveLength(2);
			expect(JSON.stringify(intruder.run)).not.toContain(ctx.sb.requests.find((r) => r.query.access_token)!.query.access_token);
		});

		it(`${name}: the wrong secret first, then the owner still gets its own token with one request`, async () => {
			const source = sources()[index];
			expect((await run(source.intruder)).error?.name).toBe('NodeApiError');
			expect((await run(source.owner)).error).toBeUndefined();
			expect((await run(source.owner)).error).toBeUndefined();
			expect(ctx.sb.requestsTo(source.tokenPath)).toHaveLength(2);
			expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')).toHaveLength(2);
		});

		it(`${name}: owner and wrong secret at the same time: only the owner reads, with one token request`, async () => {
			const source = sources()[index];
			const [owner, intruder, owner2] = await Promise.all([run(source.owner), run(source.intruder), run(source.owner)]);
			expect(owner.error).toBeUndefined();
			expect(owner2.error).toBeUndefined();
			expect(intruder.error?.name).toBe('NodeApiError');
			expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')).toHaveLength(2);
			expect(ctx.sb.requestsTo(source.tokenPath)).toHaveLength(2);
		});
	}

	it('two credentials with the same AppID and the same AppSecret share one token', async () => {
		await Promise.all([run({ source: 'stableToken' }), run({ source: 'stableToken', timeoutSeconds: 20 })]);
		await run({ source: 'stableToken' });
		expect(ctx.sb.requestsTo('/cgi-bin/stable_token')).toHaveLength(1);
		expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')).toHaveLength(3);
	});
});
