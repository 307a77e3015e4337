import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

import { n8nHelperTransport } from '../helpers/transport';
import { createKfClient } from '../../nodes/WeChatCustomerService/client/settings';
import { WeChatTransportError } from '../../nodes/WeChatCustomerService/client/errors';
import { sandboxCredential, useSandbox, CREDENTIAL_TYPE } from '../helpers/sandbox';

const ctx = useSandbox('demo');

/** A minimal HTTP CONNECT proxy on loopback that counts the tunnels it opened. */
async function startProxy(): Promise<{ url: string; tunnels: string[]; server: Server }> {
	const tunnels: string[] = [];
	const server = createServer((_req, res) => {
		res.writeHead(405);
		res.end();
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
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels, server };
}

describe('transport', () => {
	it('goes through the configured proxy', async () => {
		const proxy = await startProxy();
		try {
			const data = sandboxCredential(ctx.sb, { proxyUrl: proxy.url })[CREDENTIAL_TYPE];
			const client = createKfClient(data as never, n8nHelperTransport());
			await client.listAgents();
			await client.listOnlineAgents();
			const host = ctx.sb.url.replace('http://', '');
			expect(proxy.tunnels.length).toBeGreaterThan(0);
			expect(new Set(proxy.tunnels)).toEqual(new Set([host]));
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
