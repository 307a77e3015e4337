import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SandboxClock } from './clock';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET } from './demoCredential';
import { WxError, rid } from './errors';
import { ALL_ROUTES } from './routes';
import { SandboxState } from './state';
import type { Fault, ReceivedRequest, Route, SandboxContext, SandboxResponse } from './types';

export { SANDBOX_APP_ID, SANDBOX_APP_SECRET } from './demoCredential';

export interface SandboxOptions {
	port?: number;
	host?: string;
	/** Keep every request in `requests` (default true). Benchmarks may switch it off. */
	logRequests?: boolean;
}

const TOKEN_PATHS = new Set(['/cgi-bin/token', '/cgi-bin/stable_token']);

/** A stateful WeChat kf API on loopback, written from WeChat's documented behaviour, for tests and demos. */
export class KfSandbox implements SandboxContext {
	readonly clock = new SandboxClock();
	readonly state = new SandboxState(this.clock);
	readonly requests: ReceivedRequest[] = [];
	/** Requests served since start, counted even when not logged. */
	requestCount = 0;
	url = '';
	private server?: Server;
	private readonly routes = new Map<string, Route>();
	private readonly faults = new Map<string, Fault>();

	constructor(private readonly options: SandboxOptions = {}) {
		for (const route of ALL_ROUTES) this.addRoute(route);
		this.state.addApp(SANDBOX_APP_ID, SANDBOX_APP_SECRET);
	}

	addRoute(route: Route): void {
		this.routes.set(route.path, route);
	}

	async start(): Promise<this> {
		const server = createServer((req, res) => void this.handle(req, res));
		server.keepAliveTimeout = 30_000;
		this.server = server;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
		});
		const address = server.address() as AddressInfo;
		this.url = `http://${address.address}:${address.port}`;
		return this;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	requestsTo(path: string): ReceivedRequest[] {
		return this.requests.filter((r) => r.path === path);
	}

	/** Requests to /cgi-bin/token and /cgi-bin/stable_token. */
	tokenRequests(): ReceivedRequest[] {
		return this.requests.filter((r) => TOKEN_PATHS.has(r.path));
	}

	/** Inject a fault on a path (delay, HTTP status, malformed JSON, empty body, an errcode). */
	setFault(path: string, fault: Fault): void {
		this.faults.set(path, { ...fault });
	}

	clearFaults(): void {
		this.faults.clear();
	}

	private takeFault(path: string): Fault | undefined {
		const fault = this.faults.get(path);
		if (!fault) return undefined;
		if (fault.times !== undefined) {
			fault.times -= 1;
			if (fault.times <= 0) this.faults.delete(path);
		}
		return fault;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const full = req.url ?? '/';
		const q = full.indexOf('?');
		const path = q === -1 ? full : full.slice(0, q);
		const rawQuery = q === -1 ? '' : full.slice(q + 1);
		const query: Record<string, string> = {};
		for (const [k, v] of new URLSearchParams(rawQuery)) query[k] = v;
		let json: unknown;
		if (rawBody.length && !String(req.headers['content-type'] ?? '').startsWith('multipart/')) {
			try {
				json = JSON.parse(rawBody.toString('utf8'));
			} catch {
				json = undefined;
			}
		}
		const received: ReceivedRequest = {
			method: req.method ?? 'GET',
			path,
			rawQuery,
			query,
			headers: req.headers,
			rawBody,
			json,
			at: this.clock.now(),
		};
		this.requestCount += 1;
		if (this.options.logRequests !== false) this.requests.push(received);
		let answer: SandboxResponse;
		try {
			answer = await this.answer(received);
		} catch (error) {
			answer =
				error instanceof WxError
					? { json: { errcode: error.errcode, errmsg: error.errmsg } }
					: { status: 500, body: `sandbox error: ${(error as Error).message}` };
		}
		this.send(res, answer);
	}

	private async answer(req: ReceivedRequest): Promise<SandboxResponse> {
		const fault = this.takeFault(req.path);
		// unref: a delayed answer must not keep a test process alive after stop().
		if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs).unref());
		if (fault?.httpStatus) return { status: fault.httpStatus, body: `<html>${fault.httpStatus} Server Error</html>` };
		if (fault?.malformedJson) return { body: '{"errcode":0,"errmsg":"ok",' };
		if (fault?.emptyBody) return { body: '' };
		if (fault?.errcode !== undefined) {
			return { json: { errcode: fault.errcode, errmsg: `${fault.errmsg ?? defaultErrmsg(fault.errcode)} ${rid()}` } };
		}
		const route = this.routes.get(req.path);
		if (!route) return { status: 404, json: { errcode: 404, errmsg: `no such path ${req.path}` } };
		if (route.method !== req.method) {
			return route.method === 'POST'
				? { json: { errcode: 43002, errmsg: `require POST method ${rid()}` } }
				: { json: { errcode: 43001, errmsg: `require GET method ${rid()}` } };
		}
		return await route.handler(req, this);
	}

	private send(res: ServerResponse, answer: SandboxResponse): void {
		const status = answer.status ?? 200;
		let body: Buffer | string;
		const headers: Record<string, string> = { ...answer.headers };
		if (answer.json !== undefined) {
			body = JSON.stringify(answer.json);
			headers['content-type'] ??= 'application/json; encoding=utf-8';
		} else {
			body = answer.body ?? '';
			headers['content-type'] ??= 'text/plain; charset=utf-8';
		}
		res.writeHead(status, headers);
		res.end(body);
	}
}

function defaultErrmsg(errcode: number): string {
	switch (errcode) {
		case -1:
			return 'system error';
		case 45009:
			return 'reach max api daily quota limit';
		case 45011:
			return 'api minute-quota reach limit  mustslower  retry next minute';
		default:
			return 'error';
	}
}
