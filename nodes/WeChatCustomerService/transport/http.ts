import { Readable } from 'node:stream';

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
	if (settings.signal?.aborted) {
		throw notSent(new WeChatTransportError('cancelled', where, `The request to ${where} was cancelled`));
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
	throw requestFailure(outcome.error, timeout, settings, where);
}

/** Codes of a connection that was never made: the server cannot have received the request. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** What went wrong with a request that got no (complete) answer, in words. */
function requestFailure(
	error: unknown,
	timeout: AbortSignal,
	settings: HttpSettings,
	where: string,
	during = 'request',
): WeChatTransportError {
	if (timeout.aborted && !settings.signal?.aborted) {
		return new WeChatTransportError(
			'timeout',
			where,
			`No ${during === 'request' ? 'answer' : 'complete download'} from ${where} within ${Math.round(settings.timeoutMs / 1000)} s (timeout)`,
			{ timeoutSeconds: Math.round(settings.timeoutMs / 1000) },
		);
	}
	if (settings.signal?.aborted) {
		return new WeChatTransportError('cancelled', where, `The ${during} to ${where} was cancelled`);
	}
	if (error instanceof WeChatTransportError) return error;
	const cause = (error as { cause?: { code?: string; message?: string } }).cause;
	const code = cause?.code ?? (error as { code?: string }).code;
	const detail = cause?.code ?? cause?.message ?? (error as Error).message;
	const failure = new WeChatTransportError(
		'network',
		where,
		redact(`${during === 'request' ? 'Could not reach' : 'The download was interrupted from'} ${where}: ${detail}`, settings.secrets ?? []),
		{ code, detail: redact(String(detail), settings.secrets ?? []) },
	);
	return code && NEVER_CONNECTED.has(code) ? notSent(failure) : failure;
}

const neverConnected = new WeakSet<WeChatTransportError>();

function notSent(error: WeChatTransportError): WeChatTransportError {
	neverConnected.add(error);
	return error;
}

/**
 * Whether the server may have received (and acted on) the request that failed: false only
 * when the connection was never made. Callers of writes say so to the user.
 */
export function mayHaveReachedServer(error: WeChatTransportError): boolean {
	if (error.failure === 'httpStatus' || error.failure === 'emptyBody' || error.failure === 'invalidJson') return true;
	return !neverConnected.has(error);
}

function httpStatusError(where: string, status: number, body: Buffer, secrets: readonly string[]): WeChatTransportError {
	const snippet = body.toString('utf8').slice(0, 200).trim();
	return new WeChatTransportError(
		'httpStatus',
		where,
		redact(`${where} answered HTTP ${status} instead of 200${snippet ? `: ${snippet}` : ''}`, secrets),
		{ httpStatus: status, snippet: redact(snippet, secrets) },
	);
}

export interface HttpStreamResponse {
	headers: Record<string, string | string[] | undefined>;
	/** The first bytes of the body (at least 16 unless it is shorter), e.g. to tell its file type. */
	head: Buffer;
	/** Set when the body is JSON (whatever its Content-Type): WeChat answers errors this way. */
	json?: unknown;
	/** Otherwise the whole body as a stream, starting with `head`; errors come as WeChatTransportError. */
	stream?: Readable;
}

/** A body that starts with `{` and fits this is read whole and parsed; bigger ones are files. */
const JSON_PEEK_MAX_BYTES = 64 * 1024;
const HEAD_BYTES = 16;

/**
 * GET/POST whose 200 body is handed on as a stream (a download), except a JSON body, which is
 * read and parsed: a file never starts with `{`, an error answer of WeChat always does.
 * The time limit covers the whole body.
 */
export async function sendHttpStream(req: HttpRequest, settings: HttpSettings): Promise<HttpStreamResponse> {
	const where = describeUrl(req.url);
	const secrets = settings.secrets ?? [];
	if (settings.signal?.aborted) {
		throw notSent(new WeChatTransportError('cancelled', where, `The request to ${where} was cancelled`));
	}
	const timeout = AbortSignal.timeout(settings.timeoutMs);
	const signal = settings.signal ? AbortSignal.any([settings.signal, timeout]) : timeout;
	let res: Dispatcher.ResponseData;
	try {
		res = await request(req.url, {
			method: req.method,
			headers: req.headers,
			body: req.body,
			signal,
			dispatcher: dispatcherFor(settings.proxyUrl),
		});
	} catch (error) {
		throw requestFailure(error, timeout, settings, where);
	}
	const chunks = res.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
	const buffered: Buffer[] = [];
	let size = 0;
	let ended = false;
	const readMore = async (): Promise<void> => {
		const next = await chunks.next().catch((error: unknown) => {
			throw requestFailure(error, timeout, settings, where, 'download');
		});
		if (next.done) ended = true;
		else {
			buffered.push(next.value);
			size += next.value.length;
		}
	};
	while (!ended && size < (res.statusCode === 200 ? HEAD_BYTES : 512)) await readMore();
	if (res.statusCode !== 200) {
		res.body.destroy();
		throw httpStatusError(where, res.statusCode, Buffer.concat(buffered), secrets);
	}
	const looksJson = Buffer.concat(buffered).toString('latin1').trimStart().startsWith('{');
	if (looksJson) {
		while (!ended && size <= JSON_PEEK_MAX_BYTES) await readMore();
		if (ended) {
			const whole = Buffer.concat(buffered);
			const json = parseJsonOrUndefined(whole.toString('utf8'));
			if (json !== undefined) return { headers: res.headers, head: whole.subarray(0, HEAD_BYTES), json };
		}
	}
	const first = Buffer.concat(buffered);
	async function* body(): AsyncGenerator<Buffer> {
		yield first;
		try {
			for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
		} catch (error) {
			throw requestFailure(error, timeout, settings, where, 'download');
		} finally {
			res.body.destroy();
		}
	}
	return { headers: res.headers, head: first.subarray(0, HEAD_BYTES), stream: Readable.from(body(), { objectMode: false }) };
}

/** Reads a WeChat-style JSON body; any non-JSON answer is an error with clear words. */
export function parseJsonBody(res: HttpResponse, where: string, secrets: readonly string[] = []): unknown {
	if (res.status !== 200) throw httpStatusError(where, res.status, res.body, secrets);
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
			{ httpStatus: 200, snippet: redact(text.slice(0, 120), secrets) },
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
