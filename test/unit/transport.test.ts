import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

import { n8nHelperTransport } from '../helpers/transport';
import { createKfClient } from '../../nodes/WeChatCustomerService/client/createClient';
import { WeChatTransportError } from '../../nodes/shared/transport/errors';
import { sandboxCredential, useSandbox, CREDENTIAL_TYPE } from '../helpers/sandbox';

const ctx = useSandbox('demo');

/**
 * A minimal HTTP proxy on loopback: CONNECT tunnels (how https goes through a proxy) and
 * absolute-form requests (how http does), each counted.
 */
async function startProxy(): Promise<{ url: string; tunnels: string[]; forwarded: string[]; server: Server }> {
	const tunnels: string[] = [];
	const forwarded: string[] = [];
	const server = createServer((req, res) => {
		forwarded.push(`${req.method} ${req.url}`);
		const target = new URL(String(req.url));
		const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	server.on('connect', (req, clientSocket, head) => {
		tunnels.push(String(req.url));
		const [host, port] = String(req.url).split(':');
		const upstream = connect(Number(port), host, () => {
			clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(clientSocket);
			clientSocket.pipe(upstream);
		});
		upstream.on('error', () => clientSocket.destroy());
		clientSocket.on('error', () => upstream.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels, forwarded, server };
}

describe('transport', () => {
	it('sends an http request through the configured proxy in absolute form', async () => {
		const proxy = await startProxy();
		try {
			const data = sandboxCredential(ctx.sb, { proxyUrl: proxy.url })[CREDENTIAL_TYPE];
			const client = createKfClient(data as never, n8nHelperTransport());
			await client.listAgents();
			await client.listOnlineAgents();
			expect(proxy.tunnels).toEqual([]);
			expect(proxy.forwarded.map((line) => line.replace(/\?.*/, ''))).toEqual([
				`POST ${ctx.sb.url}/cgi-bin/stable_token`,
				`GET ${ctx.sb.url}/cgi-bin/customservice/getkflist`,
				`GET ${ctx.sb.url}/cgi-bin/customservice/getonlinekflist`,
			]);
			expect(ctx.sb.requests.map((r) => r.path)).toEqual([
				'/cgi-bin/stable_token',
				'/cgi-bin/customservice/getkflist',
				'/cgi-bin/customservice/getonlinekflist',
			]);
		} finally {
			proxy.server.closeAllConnections();
			proxy.server.close();
		}
	});

	it('opens a CONNECT tunnel through the proxy for an https API host', async () => {
		const proxy = await startProxy();
		try {
			// The sandbox speaks plain http, so TLS fails inside the tunnel: what counts is the tunnel.
			const port = new URL(ctx.sb.url).port;
			const data = sandboxCredential(ctx.sb, { proxyUrl: proxy.url, baseUrl: `https://127.0.0.1:${port}` })[CREDENTIAL_TYPE];
			const error = await createKfClient(data as never, n8nHelperTransport())
				.listAgents()
				.catch((e: unknown) => e);
			expect(error).toBeInstanceOf(WeChatTransportError);
			expect(proxy.tunnels).toEqual([`127.0.0.1:${port}`]);
			expect(proxy.forwarded).toEqual([]);
		} finally {
			proxy.server.closeAllConnections();
			proxy.server.close();
		}
	});

	it('stops at once when the workflow is cancelled', async () => {
		ctx.sb.setFault('/cgi-bin/customservice/getkflist', { delayMs: 20000 });
		const abort = new AbortController();
		const data = sandboxCredential(ctx.sb)[CREDENTIAL_TYPE];
		const client = createKfClient(data as never, n8nHelperTransport(), { signal: abort.signal });
		const pending = client.listAgents().catch((error: unknown) => error);
		setTimeout(() => abort.abort(), 200);
		const started = Date.now();
		const error = (await pending) as WeChatTransportError;
		expect(error).toBeInstanceOf(WeChatTransportError);
		expect(error.failure).toBe('cancelled');
		expect(error.message).toBe(`The request to ${ctx.sb.url}/cgi-bin/customservice/getkflist was cancelled`);
		expect(Date.now() - started).toBeLessThan(10000); // far below the 20 s the server would take
	});

	it('sends JSON as UTF-8 with Chinese and emoji unescaped', async () => {
		ctx.sb.addRoute({ method: 'POST', path: '/echo', handler: (req) => ({ json: { errcode: 0, seen: req.json } }) });
		const data = sandboxCredential(ctx.sb)[CREDENTIAL_TYPE];
		const client = createKfClient(data as never, n8nHelperTransport());
		const res = await client.call({ method: 'POST', path: '/echo', kind: 'write', json: { text: '你好 👋' } });
		expect(res.seen).toEqual({ text: '你好 👋' });
		const req = ctx.sb.requestsTo('/echo')[0];
		expect(req.rawBody.toString('utf8')).toBe('{"text":"你好 👋"}');
		expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
	});

	it('keeps @ literal in query values', async () => {
		ctx.sb.addRoute({ method: 'GET', path: '/q', handler: () => ({ json: { errcode: 0 } }) });
		const data = sandboxCredential(ctx.sb)[CREDENTIAL_TYPE];
		await createKfClient(data as never, n8nHelperTransport()).call({
			method: 'GET',
			path: '/q',
			kind: 'read',
			query: { kf_account: 'test1@gh_abc 中' },
		});
		expect(ctx.sb.requestsTo('/q')[0].rawQuery).toMatch(/^kf_account=test1@gh_abc%20%E4%B8%AD&access_token=/);
	});
});
