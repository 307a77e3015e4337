import { n8nHelperTransport } from '../helpers/transport';
import { createKfClient } from '../../nodes/WeChatCustomerService/client/createClient';
import { WeChatApiError } from '../../nodes/shared/errors';
import { WeChatTransportError } from '../../nodes/shared/transport/errors';
import { tokenServers } from '../../nodes/WeChatCustomerService/client/tokens';
import { sandboxCredential, useSandbox, CREDENTIAL_TYPE } from '../helpers/sandbox';
import type { KfSandbox } from '../../sandbox';

const ctx = useSandbox('demo');

function client(overrides: Record<string, unknown> = {}) {
	return createKfClient(sandboxCredential(ctx.sb, overrides as never)[CREDENTIAL_TYPE] as never, n8nHelperTransport());
}

async function fetchClassicDirectly(sb: KfSandbox): Promise<string> {
	const res = await fetch(`${sb.url}/cgi-bin/token?grant_type=client_credential&appid=wx_sandbox_app&secret=sandbox_secret`);
	return ((await res.json()) as { access_token: string }).access_token;
}

async function caught(promise: Promise<unknown>): Promise<Error> {
	return await promise.then(
		() => {
			throw new Error('expected a rejection');
		},
		(error: Error) => error,
	);
}

describe('KfClient against the sandbox', () => {
	it('50 concurrent calls share one stable-token request', async () => {
		const c = client();
		const lists = await Promise.all(Array.from({ length: 50 }, () => c.listAgents()));
		expect(lists.every((l) => l.length === 5)).toBe(true);
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
		expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')).toHaveLength(50);
	});

	it('sends the token only as access_token in the query', async () => {
		const c = client();
		await c.listOnlineAgents();
		await c.listOnlineAgents();
		const calls = ctx.sb.requestsTo('/cgi-bin/customservice/getonlinekflist');
		expect(calls).toHaveLength(2);
		expect(calls[0].rawQuery).toMatch(/^access_token=STABLE_1_/);
	});

	it('classic token: another holder’s fetch invalidates ours after 5 minutes; one refresh, then success', async () => {
		const c = client({ source: 'classicToken' });
		await c.listAgents();
		const ours = ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')[0].query.access_token;
		await fetchClassicDirectly(ctx.sb); // someone else on the same AppID
		ctx.sb.clock.advance(299);
		await c.listAgents(); // still inside the overlap
		expect(ctx.sb.requestsTo('/cgi-bin/token')).toHaveLength(2);
		ctx.sb.clock.advance(2);
		const agents = await c.listAgents();
		expect(agents).toHaveLength(5);
		const kfCalls = ctx.sb.requestsTo('/cgi-bin/customservice/getkflist');
		expect(kfCalls.map((r) => r.query.access_token === ours)).toEqual([true, true, true, false]);
		expect(ctx.sb.requestsTo('/cgi-bin/token')).toHaveLength(3);
	});

	it('an expired token (42001) is refreshed once and the call retried', async () => {
		const c = client();
		await c.listAgents();
		tokenServers.now = () => 0; // our cache believes the token is fresh…
		ctx.sb.clock.advance(7200); // …but WeChat says it expired
		expect(await c.listAgents()).toHaveLength(5);
		const kfCalls = ctx.sb.requestsTo('/cgi-bin/customservice/getkflist');
		expect(kfCalls).toHaveLength(3);
		expect(ctx.sb.tokenRequests()).toHaveLength(2);
	});

	it('gives up after one refresh when WeChat keeps rejecting the token', async () => {
		const c = client();
		ctx.sb.setFault('/cgi-bin/customservice/getkflist', { errcode: 40001, errmsg: 'invalid credential' });
		const error = (await caught(c.listAgents())) as WeChatApiError;
		expect(error).toBeInstanceOf(WeChatApiError);
		expect(error.errcode).toBe(40001);
		expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')).toHaveLength(2);
		expect(ctx.sb.tokenRequests()).toHaveLength(2);
	});

	it('classic token daily quota: 45009 is reported, not retried', async () => {
		for (let i = 0; i < 2000; i++) ctx.sb.state.countFetch('wx_sandbox_app', 'classic');
		const error = (await caught(client({ source: 'classicToken' }).listAgents())) as WeChatApiError;
		expect(error.errcode).toBe(45009);
		expect(error.message).toMatch(/^WeChat error 45009 on \/cgi-bin\/token: reach max api daily quota limit rid: \S+ — It is not retried; it resets at midnight China time/);
		expect(ctx.sb.requestsTo('/cgi-bin/token')).toHaveLength(1);
	});

	it('retries a busy read (-1) three times with backoff, then reports the attempts', async () => {
		ctx.sb.setFault('/cgi-bin/customservice/getkflist', { errcode: -1 });
		const error = (await caught(client().listAgents())) as WeChatApiError;
		expect(error.errcode).toBe(-1);
		expect(error.attempts).toBe(4);
		expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')).toHaveLength(4);
	});

	it('recovers when the busy answer goes away', async () => {
		ctx.sb.setFault('/cgi-bin/customservice/getkflist', { errcode: 45011, times: 2 });
		expect(await client().listAgents()).toHaveLength(5);
		expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')).toHaveLength(3);
	});

	it.each([
		[{ httpStatus: 500 }, 'httpStatus', 'answered HTTP 500 instead of 200 (getkflist)', 'It answered: <html>500 Server Error</html>'],
		[{ malformedJson: true }, 'invalidJson', 'answered with a body that is not JSON (getkflist)', 'It answered: {"errcode":0,"errmsg":"ok",'],
		[{ emptyBody: true }, 'emptyBody', 'answered with an empty body (getkflist)', undefined],
	])('turns a bad answer (%j) into a clear transport error naming the API host and the call', async (fault, failure, message, hint) => {
		ctx.sb.setFault('/cgi-bin/customservice/getkflist', fault);
		const error = (await caught(client().listAgents())) as WeChatTransportError;
		expect(error).toBeInstanceOf(WeChatTransportError);
		expect(error.failure).toBe(failure);
		expect(error.message).toBe(`The WeChat API host at ${ctx.sb.url.replace('http://', '')} ${message}`);
		expect(error.hint).toBe(hint);
	});

	it('times out with the credential’s timeout', async () => {
		ctx.sb.setFault('/cgi-bin/customservice/getkflist', { delayMs: 5000 });
		const error = (await caught(client({ timeoutSeconds: 1 }).listAgents())) as WeChatTransportError;
		expect(error.failure).toBe('timeout');
		expect(error.message).toBe(`No answer from the WeChat API host at ${ctx.sb.url.replace('http://', '')} within 1 s (getkflist)`);
	});

	it('reports an unreachable host without the secret or the token', async () => {
		const error = await caught(client({ baseUrl: 'http://127.0.0.1:9' }).listAgents());
		expect(error.message).toBe('Could not connect to the WeChat API host at 127.0.0.1:9: the connection was refused (stable_token)');
		expect(error.message).not.toContain('sandbox_secret');
	});

	it('token server source: GET with the header, then ?refresh=1&stale_token=… after a rejection', async () => {
		const handedOut: string[] = [];
		ctx.sb.addRoute({
			method: 'GET',
			path: '/my-token-server',
			handler: async (req, sb) => {
				const res = await fetch(`${sb.url}/cgi-bin/token?grant_type=client_credential&appid=wx_sandbox_app&secret=sandbox_secret`);
				const body = (await res.json()) as { access_token: string };
				handedOut.push(body.access_token);
				return { json: { access_token: body.access_token, expires_in: 7200 } };
			},
		});
		const c = client({
			source: 'tokenServer',
			tokenServerUrl: `${ctx.sb.url}/my-token-server`,
			serverHeaderName: 'X-Token-Key',
			tokenServerHeaderValue: 'key-123456',
		});
		await c.listAgents();
		// The central server's token gets invalidated behind our back.
		ctx.sb.state.tokens.get(handedOut[0])!.revokedAt = ctx.sb.clock.now();
		await c.listAgents();
		const calls = ctx.sb.requestsTo('/my-token-server');
		expect(calls.map((r) => r.rawQuery)).toEqual([
			'',
			`refresh=1&stale_token=${encodeURIComponent(handedOut[0])}`,
		]);
		expect(calls.map((r) => r.headers['x-token-key'])).toEqual(['key-123456', 'key-123456']);
	});

	it('token server errors are clear and never show the header value or the token', async () => {
		ctx.sb.addRoute({
			method: 'GET',
			path: '/broken-token-server',
			handler: () => ({ status: 503, body: 'down for maintenance, header was key-123456' }),
		});
		const error = await caught(
			client({
				source: 'tokenServer',
				tokenServerUrl: `${ctx.sb.url}/broken-token-server?access_token=abcdef123456`,
				serverHeaderName: 'X-Token-Key',
				tokenServerHeaderValue: 'key-123456',
			}).listAgents(),
		);
		expect(error.message).toBe(`The token server at ${ctx.sb.url.replace('http://', '')} answered HTTP 503 instead of 200`);
		expect((error as WeChatTransportError).hint).toBe('It answered: down for maintenance, header was ***');
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain('key-123456');
		expect(JSON.stringify({ ...error })).not.toContain('abcdef123456');
	});

	it('refuses bad credential settings before any request', () => {
		expect(() => client({ appSecret: '  ' })).toThrow("The credential's AppSecret is empty");
		expect(() => client({ baseUrl: 'ftp://x' })).toThrow("The credential's Base URL must start with http:// or https://");
		expect(() => client({ source: 'tokenServer', tokenServerUrl: '' })).toThrow(
			"The credential's Token Server URL is empty",
		);
		expect(ctx.sb.requests).toHaveLength(0);
	});
});
