import { setTimeout as delay } from 'node:timers/promises';

import { parseJsonBody, sendHttp, sendHttpStream, type HttpSettings, type HttpStreamResponse } from '../transport/http';
import { WeChatApiError, WeChatTransportError } from './errors';
import { FIXED_TOKEN_HINT, TOKEN_REJECTED_CODES, type TokenServer } from './tokens';

export interface RetryPolicy {
	/** Retries after the first attempt, for errcode -1 (busy) and 45011 (too frequent). */
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({ maxRetries: 3, baseDelayMs: 500, maxDelayMs: 4000 });

let defaultRetry: RetryPolicy = DEFAULT_RETRY;

/**
 * Test hook: the policy of clients created without one (the node creates its own clients, so
 * tests cannot pass one in). No argument restores DEFAULT_RETRY.
 */
export function useDefaultRetry(policy?: RetryPolicy): void {
	defaultRetry = policy ?? DEFAULT_RETRY;
}

export interface ClientSettings {
	apiBaseUrl: string;
	tokenServer: TokenServer;
	http: HttpSettings;
	retry?: RetryPolicy;
}

/**
 * `read`: safe to repeat. `write`: changes state on WeChat's side, so a busy answer (-1) is
 * not repeated, because WeChat may have done the work; 45011 is a refusal before any work.
 */
export type CallKind = 'read' | 'write';

export interface CallSpec {
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
export function encodeQueryValue(value: string): string {
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
			const body = (await this.send(spec, token)) as T;
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
			throw new WeChatApiError({
				errcode,
				errmsg: String(body.errmsg ?? ''),
				path: spec.path,
				attempts: attempt,
				hint: tokenRejected && tokens.refreshable === false ? FIXED_TOKEN_HINT : undefined,
			});
		}
	}

	/** Downloads a plain URL (e.g. an avatar on WeChat's CDN); no token involved. */
	async download(url: string): Promise<{ body: Buffer; contentType?: string }> {
		const res = await sendHttp({ method: 'GET', url }, { ...this.settings.http, secrets: this.secrets });
		if (res.status !== 200) {
			throw new WeChatTransportError(
				'httpStatus',
				url,
				`Downloading ${url} failed with HTTP ${res.status}`,
				res.status,
			);
		}
		const type = res.headers['content-type'];
		return { body: res.body, contentType: Array.isArray(type) ? type[0] : type };
	}

	/** Streams a plain URL (e.g. a video on WeChat's CDN); no token involved. */
	async downloadStream(url: string): Promise<HttpStreamResponse> {
		return await sendHttpStream({ method: 'GET', url }, { ...this.settings.http, secrets: this.secrets });
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
				{ method: spec.method, url: this.buildUrl(spec, token), headers: { accept: '*/*' }, body },
				{ ...this.settings.http, secrets: this.secrets },
			);
			return file.json !== undefined ? file.json : { file };
		}
		const res = await sendHttp(
			{ method: spec.method, url: this.buildUrl(spec, token), headers, body },
			{ ...this.settings.http, secrets: this.secrets },
		);
		return parseJsonBody(res, spec.path, this.secrets);
	}

	private async backoff(retryIndex: number): Promise<void> {
		const ms = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** retryIndex);
		const waited = await delay(ms, true, { signal: this.settings.http.signal }).catch(() => false);
		if (!waited) {
			throw new WeChatTransportError('cancelled', 'retry', 'The execution was cancelled while waiting to retry');
		}
	}
}
