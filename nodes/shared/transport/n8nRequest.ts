// The transport over n8n's request helper (`this.helpers.httpRequest`). Typed by the options it
// uses, so transport/ stays free of n8n imports; the node layer passes the helper in.
import type { ByteStream, HttpAnswer, HttpExchange, HttpTransport } from './http';

/** The options of n8n's IHttpRequestOptions this package sets. */
export interface HelperRequestOptions {
	url: string;
	method: 'GET' | 'POST';
	headers: Record<string, string>;
	body?: string | Buffer;
	encoding: 'stream' | 'arraybuffer';
	disableFollowRedirect?: boolean;
	returnFullResponse: true;
	ignoreHttpStatusErrors: true;
	json: false;
	timeout: number;
	abortSignal: AbortSignal;
	proxy?: { protocol: string; host: string; port: number; auth?: { username: string; password: string } };
}

/** n8n's `helpers.httpRequest`. */
export type HttpRequestHelper = (options: HelperRequestOptions) => Promise<unknown>;

/** n8n-workflow's `sleep(ms, abortSignal?)`. */
type SleepHelper = (ms: number, abortSignal?: AbortSignal) => Promise<void>;

/** The credential's Proxy URL as n8n's request options want it (n8n builds the CONNECT or absolute-form agent). */
function proxyOption(proxyUrl: string): HelperRequestOptions['proxy'] {
	const url = new URL(proxyUrl);
	const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
	const auth = url.username
		? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
		: undefined;
	return { protocol: url.protocol.replace(/:$/, ''), host: url.hostname, port, ...(auth ? { auth } : {}) };
}

function plainHeaders(raw: unknown): HttpAnswer['headers'] {
	const source = (raw as { toJSON?: () => unknown } | undefined)?.toJSON?.() ?? raw ?? {};
	const headers: HttpAnswer['headers'] = {};
	for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
		if (value === undefined || value === null) continue;
		headers[name.toLowerCase()] = Array.isArray(value) ? value.map(String) : String(value);
	}
	return headers;
}

interface StreamClass {
	from(chunks: AsyncIterable<Buffer>, options: { objectMode: false }): ByteStream;
}

/** A body the helper already read, in the shape of a stream of one chunk. */
function wholeBody(bytes: Buffer): ByteStream {
	return {
		async *[Symbol.asyncIterator]() {
			yield bytes;
		},
		destroy: () => undefined,
	};
}

/** n8n's sleep as the client's pause. */
function pauseWith(sleep: SleepHelper): HttpTransport['pause'] {
	return async (ms, signal) => {
		await sleep(ms, signal);
		// n8n 1.x's sleep takes no signal: a cancel during the pause is noticed when it ends.
		if (signal?.aborted) throw new Error('cancelled');
	};
}

/**
 * Builds Readables with the class of the streams n8n hands back (Readable.from), so a download
 * goes on to n8n's binary store as a Node.js stream without the package importing node:stream.
 */
class StreamMaker {
	private streamClass?: StreamClass;

	learn(body: ByteStream): void {
		this.streamClass ??= (body as unknown as { constructor: StreamClass }).constructor;
	}

	streamOf(chunks: AsyncIterable<Buffer>): ByteStream {
		if (!this.streamClass) throw new Error('no answer was streamed yet');
		return this.streamClass.from(chunks, { objectMode: false });
	}
}

/**
 * Every request goes through `httpRequest`: status errors are answers (read by the client), the
 * body is a stream (so downloads stay streamed and byte caps hold), the Timeout and the cancel
 * signal arrive as one abort signal that also ends a body that stalls.
 */
export function helperTransport(httpRequest: HttpRequestHelper, sleep: SleepHelper): HttpTransport {
	const streams = new StreamMaker();
	return {
		async send(exchange: HttpExchange): Promise<HttpAnswer> {
			const response = (await httpRequest({
				url: exchange.url,
				method: exchange.method,
				headers: exchange.headers,
				...(exchange.body !== undefined ? { body: exchange.body } : {}),
				// An API call's answer is read whole anyway: buffered by the helper, it costs less CPU per call.
				encoding: exchange.whole ? 'arraybuffer' : 'stream',
				// WeChat's API and token servers answer where they are asked; not following saves a layer per call.
				...(exchange.whole ? { disableFollowRedirect: true } : {}),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: false,
				// A backstop only: the abort signal ends the request first, with the package's words.
				timeout: exchange.timeoutMs + 1000,
				abortSignal: exchange.signal,
				...(exchange.proxyUrl ? { proxy: proxyOption(exchange.proxyUrl) } : {}),
			})) as { statusCode: number; headers: unknown; body: ByteStream | Buffer };
			const body = Buffer.isBuffer(response.body) ? wholeBody(response.body) : response.body;
			if (!Buffer.isBuffer(response.body)) streams.learn(response.body);
			return { status: response.statusCode, headers: plainHeaders(response.headers), body };
		},
		pause: pauseWith(sleep),
		streamOf: (chunks) => streams.streamOf(chunks),
	};
}

/** n8n's legacy `helpers.request`, the only request helper a credential test gets. */
type LegacyRequestHelper = (options: object) => Promise<unknown>;

/**
 * The transport over the legacy helper of a credential test. It takes no abort signal, so the
 * Timeout is enforced here: the signal rejects the wait and destroys a body being read.
 */
export function legacyHelperTransport(request: LegacyRequestHelper, sleep: SleepHelper): HttpTransport {
	const streams = new StreamMaker();
	return {
		async send(exchange: HttpExchange): Promise<HttpAnswer> {
			const { signal } = exchange;
			let onAbort: (() => void) | undefined;
			const aborted = new Promise<never>((_resolve, reject) => {
				onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
				if (signal.aborted) onAbort();
				else signal.addEventListener('abort', onAbort, { once: true });
			});
			void aborted.catch(() => undefined);
			const sent = request({
				uri: exchange.url,
				method: exchange.method,
				headers: exchange.headers,
				...(exchange.body !== undefined ? { body: exchange.body } : {}),
				useStream: true,
				resolveWithFullResponse: true,
				simple: false,
				json: false,
				timeout: exchange.timeoutMs + 1000,
				...(exchange.proxyUrl ? { proxy: proxyOption(exchange.proxyUrl) } : {}),
			}) as Promise<{ statusCode: number; headers: unknown; body: ByteStream }>;
			try {
				const response = await Promise.race([sent, aborted]);
				streams.learn(response.body);
				signal.addEventListener('abort', () => response.body.destroy(new Error('aborted')), { once: true });
				return { status: response.statusCode, headers: plainHeaders(response.headers), body: response.body };
			} finally {
				if (onAbort) signal.removeEventListener('abort', onAbort);
				void sent.then((late) => signal.aborted && late.body.destroy(), () => undefined);
			}
		},
		pause: pauseWith(sleep),
		streamOf: (chunks) => streams.streamOf(chunks),
	};
}
