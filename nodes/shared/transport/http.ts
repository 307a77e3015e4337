import { WeChatTransportError, isNeverConnectedCode, type TransportFailure } from './errors';
import { redact } from './redact';

/**
 * The bytes of an answer as n8n's request helper hands them over (a Node.js Readable), typed by
 * what this package uses of it, so that nothing here imports node:stream.
 */
export interface ByteStream extends AsyncIterable<Uint8Array> {
	destroy(error?: Error): unknown;
}

/** One request as the transport function is asked to send it. */
export interface HttpExchange {
	method: 'GET' | 'POST';
	url: string;
	headers: Record<string, string>;
	body?: string | Buffer;
	/** Fires on the execution's cancel signal or the credential's Timeout; it covers the whole body. */
	signal: AbortSignal;
	timeoutMs: number;
	proxyUrl?: string;
	/** The caller reads the whole body anyway (an API call, no byte cap): the helper may buffer it itself. */
	whole?: boolean;
}

/** The answer once its headers arrived (whatever the status); the body is read by the caller. */
export interface HttpAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: ByteStream;
}

/**
 * What the node layer hands the client: n8n's request helper (so n8n's SSRF protection, proxy
 * handling and request hooks apply) and n8n's pause. The client itself knows nothing of n8n.
 */
export interface HttpTransport {
	send(exchange: HttpExchange): Promise<HttpAnswer>;
	/** Waits `ms`, ending early (with an error) when `signal` fires. */
	pause(ms: number, signal?: AbortSignal): Promise<void>;
	/** A Node.js Readable of `chunks`, for n8n's binary store. */
	streamOf(chunks: AsyncIterable<Buffer>): ByteStream;
}

export interface HttpSettings {
	/** Per-request time limit, the body included. */
	timeoutMs: number;
	/** Optional HTTP(S) proxy, e.g. for a whitelisted egress IP. */
	proxyUrl?: string;
	/** The workflow's cancel signal. */
	signal?: AbortSignal;
	/** Values to scrub from any error text (tokens, secrets). */
	secrets?: readonly string[];
	transport: HttpTransport;
}

/** How many bytes a download may have, and what WeChat allows, for the error's words. */
export interface ByteCap {
	maxBytes: number;
	/** E.g. "WeChat allows avatars of at most 5 MB". */
	allowed: string;
}

interface HttpRequest {
	method: 'GET' | 'POST';
	url: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** A body over this is refused (declared) or cut (sent); none for WeChat's JSON answers. */
	cap?: ByteCap;
}

interface HttpResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

export function describeUrl(url: string): string {
	try {
		const u = new URL(url);
		return `${u.origin}${u.pathname}`;
	} catch {
		return 'the configured URL';
	}
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

/** One request in flight: its signals and where it goes, for the words of any failure. */
class Exchange {
	readonly where: string;
	readonly timeout: AbortSignal;
	readonly signal: AbortSignal;

	constructor(
		readonly req: HttpRequest,
		readonly settings: HttpSettings,
		readonly whole = false,
	) {
		this.where = describeUrl(req.url);
		this.timeout = AbortSignal.timeout(settings.timeoutMs);
		this.signal = settings.signal ? AbortSignal.any([settings.signal, this.timeout]) : this.timeout;
	}

	get secrets(): readonly string[] {
		return this.settings.secrets ?? [];
	}

	async open(): Promise<HttpAnswer> {
		if (this.settings.signal?.aborted) {
			throw notSent(new WeChatTransportError('cancelled', this.where, `The request to ${this.where} was cancelled`));
		}
		try {
			return await this.settings.transport.send({
				method: this.req.method,
				url: this.req.url,
				headers: this.req.headers ?? {},
				body: this.req.body,
				signal: this.signal,
				timeoutMs: this.settings.timeoutMs,
				proxyUrl: this.settings.proxyUrl,
				whole: this.whole,
			});
		} catch (error) {
			throw this.failure(error, 'request');
		}
	}

	/** What went wrong with a request that got no (complete) answer, in words. */
	failure(error: unknown, during: 'request' | 'download'): WeChatTransportError {
		if (error instanceof WeChatTransportError) return error;
		if (this.timeout.aborted && !this.settings.signal?.aborted) {
			const seconds = Math.round(this.settings.timeoutMs / 1000);
			return new WeChatTransportError(
				'timeout',
				this.where,
				`No ${during === 'request' ? 'answer' : 'complete download'} from ${this.where} within ${seconds} s (timeout)`,
				{ timeoutSeconds: seconds },
			);
		}
		if (this.settings.signal?.aborted) {
			return new WeChatTransportError('cancelled', this.where, `The ${during} to ${this.where} was cancelled`);
		}
		const blocked = ssrfRefusal(error);
		if (blocked) {
			return notSent(
				new WeChatTransportError('blocked', this.where, redact(`n8n refused ${this.where}: ${blocked}`, this.secrets), {
					detail: redact(blocked, this.secrets),
				}),
			);
		}
		const code = errorCode(error);
		const cause = (error as { cause?: { message?: string } }).cause;
		const detail = code ?? cause?.message ?? (error as Error).message;
		const failure = new WeChatTransportError(
			'network',
			this.where,
			redact(`${during === 'request' ? 'Could not reach' : 'The download was interrupted from'} ${this.where}: ${detail}`, this.secrets),
			{ code, detail: redact(String(detail), this.secrets) },
		);
		return isNeverConnectedCode(code) && during === 'request' ? notSent(failure) : failure;
	}

	tooBig(cap: ByteCap, declared?: number): WeChatTransportError {
		const host = URL.canParse(this.req.url) ? new URL(this.req.url).host : this.where;
		const size = declared === undefined ? `more than ${megabytes(cap.maxBytes)}` : `${declared} bytes (Content-Length)`;
		return new WeChatTransportError(
			'tooLarge',
			this.where,
			`${host} sent a file of ${size}, over this node's limit of ${megabytes(cap.maxBytes)} (${cap.maxBytes} bytes): ${cap.allowed}`,
			{ hint: declared === undefined ? 'The download was stopped at the limit.' : 'Nothing was downloaded.' },
		);
	}
}

function megabytes(bytes: number): string {
	return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The error code of a failed request: Node's (ECONNRESET…) on the error or its cause. */
function errorCode(error: unknown): string | undefined {
	const own = (error as { code?: unknown } | undefined)?.code;
	const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
	// axios adds codes of its own (ERR_BAD_RESPONSE, ERR_CANCELED): the network's code says more.
	for (const code of [cause, own]) if (typeof code === 'string' && !code.startsWith('ERR_')) return code;
	return typeof own === 'string' ? own : undefined;
}

/** n8n's SSRF protection (SsrfBlockedIpError, SsrfBlockedHostnameError): its words. */
function ssrfRefusal(error: unknown): string | undefined {
	for (let e = error as { name?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
		if (typeof e.name === 'string' && e.name.startsWith('SsrfBlocked')) {
			const message = String(e.message ?? '');
			return `${message.replace(/^The request was blocked because /, '')} (n8n's SSRF protection)`;
		}
		e = e.cause as typeof e;
	}
	return undefined;
}

function header(headers: HttpAnswer['headers'], name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** Reads `answer`'s body as chunks, enforcing `cap`, with failures in the transport's words. */
async function* chunksOf(answer: HttpAnswer, exchange: Exchange, cap?: ByteCap): AsyncGenerator<Buffer> {
	const declared = Number(header(answer.headers, 'content-length'));
	if (cap && answer.status === 200 && Number.isFinite(declared) && declared > cap.maxBytes) {
		answer.body.destroy();
		throw exchange.tooBig(cap, declared);
	}
	let size = 0;
	try {
		for await (const chunk of answer.body) {
			const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
			size += bytes.length;
			if (cap && size > cap.maxBytes) {
				const room = bytes.length - (size - cap.maxBytes);
				if (room > 0) yield bytes.subarray(0, room);
				throw exchange.tooBig(cap);
			}
			yield bytes;
		}
	} catch (error) {
		throw exchange.failure(error, 'download');
	} finally {
		answer.body.destroy();
	}
}

async function readAll(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
	const parts: Buffer[] = [];
	for await (const chunk of chunks) parts.push(chunk);
	return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

/** Sends `req` and reads the whole answer (within the Timeout and `req.cap`). */
export async function sendHttp(req: HttpRequest, settings: HttpSettings): Promise<HttpResponse> {
	const exchange = new Exchange(req, settings, !req.cap);
	const answer = await exchange.open();
	const body = await readAll(chunksOf(answer, exchange, req.cap));
	return { status: answer.status, headers: answer.headers, body };
}

/** The proxy's own refusal (HTTP 407 to a tunnel or a request), so it is not blamed on WeChat. */
function proxyRefusal(res: { status: number }, settings: HttpSettings, where: string): WeChatTransportError | undefined {
	if (!settings.proxyUrl || res.status !== 407) return undefined;
	return notSent(
		new WeChatTransportError('network', where, `The proxy refused the request (HTTP 407)`, {
			code: 'PROXY_REFUSED',
			detail: 'Proxy response (407)',
		}),
	);
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
	/** Otherwise the whole body, starting with `head`, read as it is consumed; errors come as WeChatTransportError. */
	chunks?: AsyncGenerator<Buffer>;
}

/** A body that starts with `{` and fits this is read whole and parsed; bigger ones are files. */
const JSON_PEEK_MAX_BYTES = 64 * 1024;
const HEAD_BYTES = 16;

/**
 * GET/POST whose 200 body is handed on as a stream (a download), except a JSON body, which is
 * read and parsed: a file never starts with `{`, an error answer of WeChat always does.
 * The time limit covers the whole body; `req.cap` bounds its size.
 */
export async function sendHttpStream(req: HttpRequest, settings: HttpSettings): Promise<HttpStreamResponse> {
	const exchange = new Exchange(req, settings);
	const answer = await exchange.open();
	const refused = proxyRefusal(answer, settings, exchange.where);
	if (refused) {
		answer.body.destroy();
		throw refused;
	}
	const chunks = chunksOf(answer, exchange, answer.status === 200 ? req.cap : undefined);
	const buffered: Buffer[] = [];
	let size = 0;
	let ended = false;
	const readMore = async (): Promise<void> => {
		const next = await chunks.next();
		if (next.done) ended = true;
		else {
			buffered.push(next.value);
			size += next.value.length;
		}
	};
	try {
		while (!ended && size < (answer.status === 200 ? HEAD_BYTES : 512)) await readMore();
		if (answer.status !== 200) throw httpStatusError(exchange.where, answer.status, Buffer.concat(buffered), exchange.secrets);
		const looksJson = Buffer.concat(buffered).toString('latin1').trimStart().startsWith('{');
		if (looksJson) {
			while (!ended && size <= JSON_PEEK_MAX_BYTES) await readMore();
			if (ended) {
				const whole = Buffer.concat(buffered);
				const json = parseJsonOrUndefined(whole.toString('utf8'));
				if (json !== undefined) return { headers: answer.headers, head: whole.subarray(0, HEAD_BYTES), json };
			}
		}
	} catch (error) {
		await chunks.return(undefined);
		throw exchange.failure(error, 'download');
	}
	const first = Buffer.concat(buffered);
	async function* body(): AsyncGenerator<Buffer> {
		yield first;
		yield* chunks;
	}
	return { headers: answer.headers, head: first.subarray(0, HEAD_BYTES), chunks: body() };
}

/** Reads a WeChat-style JSON body; any non-JSON answer is an error with clear words. */
export function parseJsonBody(res: HttpResponse, where: string, settings: Pick<HttpSettings, 'proxyUrl' | 'secrets'> = {}): unknown {
	const secrets = settings.secrets ?? [];
	const refused = proxyRefusal(res, settings as HttpSettings, where);
	if (refused) throw refused;
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

export type { TransportFailure };
