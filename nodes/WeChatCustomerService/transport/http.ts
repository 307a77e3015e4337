import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';

import { WeChatTransportError } from './errors';
import { redact } from './redact';

export interface HttpSettings {
	/** Per-request time limit. */
	timeoutMs: number;
	/** Optional HTTP(S) proxy, e.g. for a whitelisted egress IP. */
	proxyUrl?: string;
	/** The workflow's cancel signal. */
	signal?: AbortSignal;
	/** Values to scrub from any error text (tokens, secrets). */
	secrets?: readonly string[];
}

export interface HttpRequest {
	method: 'GET' | 'POST';
	url: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
}

export interface HttpResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

// One dispatcher per proxy setting; undici's Agent keeps one keep-alive pool per origin inside it.
const dispatchers = new Map<string, Dispatcher>();

function dispatcherFor(proxyUrl: string | undefined): Dispatcher {
	const key = proxyUrl || 'direct';
	let dispatcher = dispatchers.get(key);
	if (!dispatcher) {
		dispatcher = proxyUrl
			? new ProxyAgent({ uri: proxyUrl, keepAliveTimeout: 30_000 })
			: new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 });
		dispatchers.set(key, dispatcher);
	}
	return dispatcher;
}

/** Closes every pooled connection (tests and CLI tools call this so the process can exit). */
export async function closeHttpPools(): Promise<void> {
	const all = [...dispatchers.values()];
	dispatchers.clear();
	await Promise.all(all.map(async (d) => await d.close().catch(() => undefined)));
}

export function describeUrl(url: string): string {
	try {
		const u = new URL(url);
		return `${u.origin}${u.pathname}`;
	} catch {
		return 'the configured URL';
	}
}

export async function sendHttp(req: HttpRequest, settings: HttpSettings): Promise<HttpResponse> {
	const where = describeUrl(req.url);
	const secrets = settings.secrets ?? [];
	if (settings.signal?.aborted) {
		throw new WeChatTransportError('cancelled', where, `The request to ${where} was cancelled`);
	}
	const timeout = AbortSignal.timeout(settings.timeoutMs);
	const signal = settings.signal ? AbortSignal.any([settings.signal, timeout]) : timeout;
	const outcome = await request(req.url, {
		method: req.method,
		headers: req.headers,
		body: req.body,
		signal,
		dispatcher: dispatcherFor(settings.proxyUrl),
	}).then(
		async (res) => ({
			response: {
				status: res.statusCode,
				headers: res.headers,
				body: Buffer.from(await res.body.arrayBuffer()),
			} as HttpResponse,
		}),
		(error: unknown) => ({ error }),
	);
	if ('response' in outcome) return outcome.response;
	if (timeout.aborted && !settings.signal?.aborted) {
		throw new WeChatTransportError(
			'timeout',
			where,
			`No answer from ${where} within ${Math.round(settings.timeoutMs / 1000)} s (timeout)`,
		);
	}
	if (settings.signal?.aborted) {
		throw new WeChatTransportError('cancelled', where, `The request to ${where} was cancelled`);
	}
	const cause = (outcome.error as { cause?: { code?: string; message?: string } }).cause;
	const detail = cause?.code ?? cause?.message ?? (outcome.error as Error).message;
	throw new WeChatTransportError('network', where, redact(`Could not reach ${where}: ${detail}`, secrets));
}

/** Reads a WeChat-style JSON body; any non-JSON answer is an error with clear words. */
export function parseJsonBody(res: HttpResponse, where: string, secrets: readonly string[] = []): unknown {
	if (res.status !== 200) {
		const snippet = res.body.toString('utf8').slice(0, 200).trim();
		throw new WeChatTransportError(
			'httpStatus',
			where,
			redact(
				`${where} answered HTTP ${res.status} instead of 200${snippet ? `: ${snippet}` : ''}`,
				secrets,
			),
			res.status,
		);
	}
	const text = res.body.toString('utf8').trim();
	if (!text) {
		throw new WeChatTransportError('emptyBody', where, `${where} answered with an empty body`, 200);
	}
	const parsed = parseJsonOrUndefined(text);
	if (parsed === undefined) {
		throw new WeChatTransportError(
			'invalidJson',
			where,
			redact(`${where} answered with a body that is not JSON: ${text.slice(0, 120)}`, secrets),
			200,
		);
	}
	return parsed;
}

function parseJsonOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
