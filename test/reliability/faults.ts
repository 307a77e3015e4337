// Servers that fail the way real networks do, on loopback: a port nobody listens on, a relay that
// cuts the connection after the sandbox has done the work, and a proxy that refuses tunnels.
import { createServer, request, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A loopback port that was free a moment ago and has no listener now. */
export async function closedPort(): Promise<number> {
	const server = createTcpServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * An HTTP relay in front of the sandbox: requests pass through unchanged, except that for a path
 * in `cut` the sandbox's answer is dropped and the client's connection is reset, so the sandbox
 * saw (and acted on) the request but the client never learns the outcome.
 */
export class CuttingRelay {
	readonly cut = new Set<string>();
	/** Paths whose answer the relay cuts (or lets stall) after its headers and first bytes. */
	readonly afterHeaders = new Map<string, 'cut' | 'stall'>();
	host = '';
	private readonly server: Server;

	constructor(private readonly upstream: () => string) {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const target = new URL(req.url ?? '/', this.upstream());
				const forward = request(
					target,
					{ method: req.method, headers: { ...req.headers, host: target.host }, agent: false },
					(answer) => {
						if (this.cut.has(target.pathname)) {
							answer.resume();
							req.socket.resetAndDestroy();
							return;
						}
						const after = this.afterHeaders.get(target.pathname);
						if (after) {
							// The headers and the first bytes of the sandbox's answer, then a cut or silence.
							answer.resume();
							res.writeHead(answer.statusCode ?? 502, answer.headers);
							res.write('{"errcode":');
							if (after === 'cut') req.socket.destroy();
							return;
						}
						res.writeHead(answer.statusCode ?? 502, answer.headers);
						answer.pipe(res);
					},
				);
				forward.on('error', () => req.socket.destroy());
				forward.end(Buffer.concat(chunks));
			});
		});
		// It passes on the sandbox's keep-alive header (30 s): closing idle sockets sooner would
		// race the client reusing them and cut requests nobody meant to cut.
		this.server.keepAliveTimeout = 60_000;
	}

	get url(): string {
		return `http://${this.host}`;
	}

	async start(): Promise<this> {
		this.host = await listen(this.server);
		return this;
	}

	async stop(): Promise<void> {
		await close(this.server);
	}
}

/** An HTTP proxy that answers every tunnel (CONNECT) and request with one HTTP status. */
export class RefusingProxy {
	host = '';
	readonly seen: string[] = [];
	private readonly server: Server;

	constructor(status: number, reason: string) {
		this.server = createServer((req, res) => {
			this.seen.push(`${req.method} ${req.url}`);
			res.writeHead(status, reason);
			res.end();
		});
		this.server.on('connect', (req, socket) => {
			this.seen.push(`CONNECT ${req.url}`);
			socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-length: 0\r\n\r\n`);
		});
	}

	async start(): Promise<this> {
		this.host = await listen(this.server);
		return this;
	}

	async stop(): Promise<void> {
		await close(this.server);
	}
}
