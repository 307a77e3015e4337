import {
	describeUrl,
	mayHaveReachedServer,
	parseJsonBody,
	sendHttp,
	sendHttpStream,
	type ByteCap,
	type ByteStream,
	type HttpSettings,
	type HttpStreamResponse,
} from '../transport/http';
import {
	AVATAR_URL,
	MEDIA_URL,
	WeChatApiError,
	WeChatOutcomeUnknownError,
	callName,
	endpointFailure,
	type Endpoint,
	type RefusalSource,
	type RefusalWording,
} from '../errors';
import { WeChatTransportError } from '../transport/errors';
import { TOKEN_REJECTED_CODES, type TokenServer } from '../tokens';

/** What differs between the families that call through this client: names, words, limits. */
export interface ApiFamily {
	/** Who answers, as errors name it: "WeChat" or "WeCom". */
	service: Exclude<RefusalSource, 'Token server'>;
	/** The API host, named as the user knows it, with the credential field that sets it. */
	endpoint: Endpoint;
	wording: RefusalWording;
	/** Cap of media downloads (media/get, a video's URL). */
	mediaCap: ByteCap;
	/** The hint when a token that cannot be refreshed is rejected. */
	fixedTokenHint: string;
}

export interface RetryPolicy {
	/** Retries after the first attempt, for errcode -1 (busy) and 45011 (too frequent). */
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({ maxRetries: 3, baseDelayMs: 500, maxDelayMs: 4000 });

let defaultRetry: RetryPolicy = DEFAULT_RETRY;

/**
 * Test hook: the policy of clients created without one (the node creates its own clients, so
 * tests cannot pass one in). No argument restores DEFAULT_RETRY.
 */
export function useDefaultRetry(policy?: RetryPolicy): void {
	defaultRetry = policy ?? DEFAULT_RETRY;
}

interface ClientSettings {
	family: ApiFamily;
	apiBaseUrl: string;
	tokenServer: TokenServer;
	http: HttpSettings;
	retry?: RetryPolicy;
}

/**
 * `read`: safe to repeat. `write`: changes state on WeChat's side, so a busy answer (-1) is
 * not repeated, because WeChat may have done the work; 45011 is a refusal before any work.
 */
type CallKind = 'read' | 'write';

interface CallSpec {
	method: 'GET' | 'POST';
	path: string;
	kind: CallKind;
	query?: Record<string, string | number | undefined>;
	json?: unknown;
	/** A prepared multipart body (kept as a buffer so a token retry can resend it). */
	multipart?: { body: Buffer; contentType: string };
	/** The answer may be a file: unless it is JSON, `call` returns it as `{ file }` (streamed). */
	download?: boolean;
}

export interface WeChatResult {
	errcode?: number;
	errmsg?: string;
	[key: string]: unknown;
}

/** WeChat keeps `@` literal in kf_account query values and rejects it escaped. */
function encodeQueryValue(value: string): string {
	return encodeURIComponent(value).replace(/%40/g, '@');
}

function isRetryableBusy(errcode: number, kind: CallKind): boolean {
	if (errcode === 45011) return true;
	return errcode === -1 && kind === 'read';
}

/** The part of the client that every WeChat call goes through: token, transport, retries. */
export class WeChatClient {
	protected readonly settings: ClientSettings;
	private readonly retry: RetryPolicy;
	private readonly seenTokens = new Set<string>();

	constructor(settings: ClientSettings) {
		this.settings = settings;
		this.retry = settings.retry ?? defaultRetry;
	}

	/** Values that must be scrubbed from anything shown to a user. */
	get secrets(): string[] {
		return [...(this.settings.http.secrets ?? []), ...this.seenTokens];
	}

	async call<T extends WeChatResult = WeChatResult>(spec: CallSpec): Promise<T> {
		const tokens = this.settings.tokenServer;
		let token = await tokens.token();
		let tokenRefreshed = false;
		let busyRetries = 0;
		for (let attempt = 1; ; attempt++) {
			this.seenTokens.add(token);
			const body = (await this.send(spec, token).catch((error: unknown) => {
				throw this.failure(error, spec);
			})) as T;
			if (typeof body !== 'object' || body === null || Array.isArray(body)) {
				const service = this.settings.family.service;
				throw this.failure(unexpectedShape(spec.path, `${service}'s answer to ${callName(spec.path)} is not a JSON object`, service), spec);
			}
			const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
			if (errcode === 0) return body;
			const tokenRejected = TOKEN_REJECTED_CODES.has(errcode);
			if (tokenRejected && !tokenRefreshed && tokens.refreshable !== false) {
				tokenRefreshed = true;
				token = await tokens.refreshToken(token);
				continue;
			}
			if (isRetryableBusy(errcode, spec.kind) && busyRetries < this.retry.maxRetries) {
				await this.backoff(busyRetries++);
				continue;
			}
			const { family } = this.settings;
			const refusal = new WeChatApiError({
				errcode,
				errmsg: String(body.errmsg ?? ''),
				path: spec.path,
				attempts: attempt,
				hint: tokenRejected && tokens.refreshable === false ? family.fixedTokenHint : undefined,
				source: family.service,
				wording: family.wording,
			});
			// -1 to a change: it may have been done, so it is neither repeated nor called a refusal.
			throw errcode === -1 && spec.kind === 'write' ? this.outcomeUnknown(spec.path, refusal) : refusal;
		}
	}

	/**
	 * A failed request in words that name the WeChat API host and the call; for a change that
	 * may have reached WeChat, an error saying that it may have been done and how to check.
	 */
	private failure(error: unknown, spec: CallSpec): unknown {
		const { proxyUrl } = this.settings.http;
		const named = endpointFailure(error, this.settings.family.endpoint, { call: callName(spec.path), proxyUrl, url: this.settings.apiBaseUrl });
		const reached = error instanceof WeChatTransportError && (error.failure === 'invalidResponse' || mayHaveReachedServer(error));
		if (spec.kind === 'write' && reached && named instanceof WeChatTransportError && named.failure !== 'cancelled') {
			return this.outcomeUnknown(spec.path, named);
		}
		return named;
	}

	private outcomeUnknown(path: string, reason: WeChatApiError | WeChatTransportError): WeChatOutcomeUnknownError {
		// What the change may have done, in words, comes from the operation that made it (its `outcome`).
		return new WeChatOutcomeUnknownError(path, reason, undefined, this.settings.family.service);
	}

	/** Downloads a plain URL (e.g. an avatar on WeChat's CDN) whole; no token involved. */
	async download(url: string, cap: ByteCap): Promise<{ body: Buffer; contentType?: string }> {
		const proxyUrl = this.settings.http.proxyUrl;
		const settings = { ...this.settings.http, secrets: this.secrets };
		const res = await sendHttp({ method: 'GET', url, cap }, settings).catch((error: unknown) => {
			throw endpointFailure(error, AVATAR_URL, { proxyUrl });
		});
		if (res.status !== 200) {
			const where = describeUrl(url);
			const error = new WeChatTransportError('httpStatus', where, `${where} answered HTTP ${res.status}`, res.status);
			throw endpointFailure(error, AVATAR_URL, { proxyUrl });
		}
		const type = res.headers['content-type'];
		return { body: res.body, contentType: Array.isArray(type) ? type[0] : type };
	}

	/** Streams a plain URL (e.g. a video on WeChat's CDN); no token involved. */
	async downloadStream(url: string, cap: ByteCap = this.settings.family.mediaCap): Promise<DownloadAnswer> {
		const proxyUrl = this.settings.http.proxyUrl;
		const file = await sendHttpStream({ method: 'GET', url, cap }, { ...this.settings.http, secrets: this.secrets }).catch(
			(error: unknown) => {
				throw endpointFailure(error, MEDIA_URL, { proxyUrl });
			},
		);
		// Errors while the binary store reads the file name the media URL too.
		return this.asStream(file, named(file.chunks, MEDIA_URL, { proxyUrl }));
	}

	private asStream(file: HttpStreamResponse, chunks: AsyncGenerator<Buffer> | undefined): DownloadAnswer {
		const { headers, head, json } = file;
		return { headers, head, json, stream: chunks && this.settings.http.transport.streamOf(chunks) };
	}

	private buildUrl(spec: CallSpec, token: string): string {
		const parts: string[] = [];
		for (const [key, value] of Object.entries(spec.query ?? {})) {
			if (value !== undefined) parts.push(`${encodeURIComponent(key)}=${encodeQueryValue(String(value))}`);
		}
		parts.push(`access_token=${encodeURIComponent(token)}`);
		return `${this.settings.apiBaseUrl}${spec.path}?${parts.join('&')}`;
	}

	private async send(spec: CallSpec, token: string): Promise<unknown> {
		const headers: Record<string, string> = { accept: 'application/json' };
		let body: string | Buffer | undefined;
		if (spec.multipart) {
			headers['content-type'] = spec.multipart.contentType;
			body = spec.multipart.body;
		} else if (spec.json !== undefined) {
			headers['content-type'] = 'application/json; charset=utf-8';
			// JSON.stringify leaves Chinese and emoji as UTF-8, as WeChat expects.
			body = JSON.stringify(spec.json);
		}
		if (spec.download) {
			const file = await sendHttpStream(
				{ method: spec.method, url: this.buildUrl(spec, token), headers: { accept: '*/*' }, body, cap: this.settings.family.mediaCap },
				{ ...this.settings.http, secrets: this.secrets },
			);
			if (file.json !== undefined) return file.json;
			const words = { call: callName(spec.path), proxyUrl: this.settings.http.proxyUrl, url: this.settings.apiBaseUrl };
			return { file: this.asStream(file, named(file.chunks, this.settings.family.endpoint, words)) };
		}
		const res = await sendHttp(
			{ method: spec.method, url: this.buildUrl(spec, token), headers, body },
			{ ...this.settings.http, secrets: this.secrets },
		);
		return parseJsonBody(res, spec.path, { proxyUrl: this.settings.http.proxyUrl, secrets: this.secrets });
	}

	private async backoff(retryIndex: number): Promise<void> {
		const ms = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** retryIndex);
		const { signal, transport } = this.settings.http;
		const waited = await transport.pause(ms, signal).then(
			() => !signal?.aborted,
			() => false,
		);
		if (!waited) {
			throw new WeChatTransportError('cancelled', 'retry', 'The execution was cancelled while waiting to retry');
		}
	}
}

/** A download as the client hands it on: a stream for n8n's binary store, unless it was JSON. */
export type DownloadAnswer = Omit<HttpStreamResponse, 'chunks'> & { stream?: ByteStream };

/** A download's chunks, with any failure while reading them in words naming `endpoint`. */
function named(
	chunks: AsyncGenerator<Buffer> | undefined,
	endpoint: Endpoint,
	words: { call?: string; proxyUrl?: string; url?: string },
): AsyncGenerator<Buffer> | undefined {
	if (!chunks) return undefined;
	return (async function* () {
		try {
			yield* chunks;
		} catch (error) {
			throw endpointFailure(error, endpoint, words);
		}
	})();
}

/** An answer with errcode 0 that is not of the documented shape: never read as "nothing". */
function unexpectedShape(path: string, message: string, service: string): WeChatTransportError {
	const hint = `${service} answered without an error but not in its documented form, so nothing was output. Try again; if it keeps happening, check what sits between n8n and ${service} (the API Host or a proxy).`;
	return new WeChatTransportError('invalidResponse', path, message, { hint });
}

/** The list `field` of a WeChat answer, or an error naming the call and the field. */
export function listIn<T>(answer: WeChatResult, field: string, path: string, service = 'WeChat'): T[] {
	const value = answer[field];
	if (Array.isArray(value)) return value as T[];
	const call = callName(path);
	if (value === undefined) throw unexpectedShape(path, `${service}'s answer to ${call} has no "${field}" list`, service);
	const kind = value === null ? 'null' : typeof value === 'string' ? 'text' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
	throw unexpectedShape(path, `${service}'s answer to ${call} has "${field}" as ${kind}, not a list`, service);
}
