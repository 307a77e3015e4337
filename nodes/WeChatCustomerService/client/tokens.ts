import { createHmac, randomBytes } from 'node:crypto';

import { describeUrl, parseJsonBody, sendHttp, type HttpTransport } from '../transport/http';
import { secretsOf, type CredentialSettings } from './credentials';
import { TOKEN_SERVER, WECHAT_API, WeChatApiError, WeChatTransportError, callName, endpointFailure } from './errors';

/**
 * The token server (中控服务器) interface of the Go mp/dkf package: any deployment can implement it.
 * `refreshToken(rejected)` refreshes only when `rejected` is still the current token,
 * so many callers that saw the same rejection cause one refresh.
 */
export interface TokenServer {
	token(): Promise<string>;
	refreshToken(rejectedToken: string): Promise<string>;
	/** False for a token that cannot be renewed; a rejection is then reported at once. */
	readonly refreshable?: boolean;
}

export const FIXED_TOKEN_HINT =
	'The credential uses a fixed access token, which cannot be refreshed. Paste a current token, or switch the Token Source to Stable Token.';

export interface FetchedToken {
	token: string;
	/** Seconds the token stays valid, as reported; undefined when the source does not say. */
	expiresIn?: number;
}

type TokenFetcher = (staleToken?: string) => Promise<FetchedToken>;

/** Codes with which WeChat says the access_token used is not (or no longer) valid. */
export const TOKEN_REJECTED_CODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** How long to trust a token whose source gave no lifetime (inside WeChat's 5-minute overlap). */
export const UNKNOWN_LIFETIME_SECONDS = 240;

/**
 * The Go mp/dkf package's safety margins: refresh well before WeChat's expiry, inside the 5-minute window
 * in which the previous classic token keeps working for other holders (7200 s → 6600 s).
 */
export function usableLifetimeSeconds(expiresIn: number): number {
	if (expiresIn > 31556952) throw new Error(`expires_in too large: ${expiresIn}`);
	if (expiresIn > 3600) return expiresIn - 600;
	if (expiresIn > 1800) return expiresIn - 300;
	if (expiresIn > 300) return expiresIn - 60;
	if (expiresIn > 60) return expiresIn - 10;
	// The Go mp/dkf package refuses such tokens; a nearly expired stable token is still worth one use.
	return Math.max(0, Math.floor(expiresIn / 2));
}

/** Caches one token, shares one in-flight fetch among all callers, refreshes early. */
export class CachingTokenServer implements TokenServer {
	private cached?: { token: string; refreshAt: number };
	private inflight?: Promise<string>;

	constructor(
		private fetcher: TokenFetcher,
		private readonly now: () => number = Date.now,
	) {}

	/** Later fetches use `fetcher` (new settings for the same key); the cached token stays. */
	useFetcher(fetcher: TokenFetcher): void {
		this.fetcher = fetcher;
	}

	async token(): Promise<string> {
		if (this.cached && this.now() < this.cached.refreshAt) return this.cached.token;
		return await this.fetchOnce();
	}

	async refreshToken(rejectedToken: string): Promise<string> {
		if (this.inflight) return await this.inflight;
		if (this.cached && this.cached.token !== rejectedToken && this.now() < this.cached.refreshAt) {
			return this.cached.token;
		}
		this.cached = undefined;
		return await this.fetchOnce(rejectedToken);
	}

	private async fetchOnce(staleToken?: string): Promise<string> {
		if (!this.inflight) {
			this.inflight = this.fetchAndStore(staleToken).finally(() => {
				this.inflight = undefined;
			});
		}
		return await this.inflight;
	}

	private async fetchAndStore(staleToken?: string): Promise<string> {
		// A failed fetch leaves no token behind (as the Go mp/dkf package does): the next call fetches again.
		this.cached = undefined;
		const fetched = await this.fetcher(staleToken);
		const lifetime =
			fetched.expiresIn === undefined ? UNKNOWN_LIFETIME_SECONDS : usableLifetimeSeconds(fetched.expiresIn);
		this.cached = { token: fetched.token, refreshAt: this.now() + lifetime * 1000 };
		return fetched.token;
	}
}

/** A token typed into the credential: never fetched, so a rejection cannot be repaired. */
export class FixedTokenServer implements TokenServer {
	readonly refreshable = false;

	constructor(private readonly fixed: string) {}

	async token(): Promise<string> {
		return this.fixed;
	}

	async refreshToken(): Promise<string> {
		throw new WeChatApiError({
			errcode: 40001,
			errmsg: 'the fixed access token in the credential was rejected',
			path: 'credential',
			hint: FIXED_TOKEN_HINT,
		});
	}
}

function readToken(body: unknown, path: string, url: string): FetchedToken {
	const data = (body ?? {}) as { access_token?: unknown; expires_in?: unknown; errcode?: unknown; errmsg?: unknown };
	const fromTokenServer = !path.startsWith('/');
	if (typeof data.errcode === 'number' && data.errcode !== 0) {
		const source = fromTokenServer ? 'Token server' : 'WeChat';
		throw new WeChatApiError({ errcode: data.errcode, errmsg: String(data.errmsg ?? ''), path, source });
	}
	if (typeof data.access_token !== 'string' || data.access_token === '') {
		const who = fromTokenServer ? `The token server at ${new URL(url).host}` : `WeChat's answer to ${callName(path)}`;
		throw new WeChatTransportError('invalidResponse', path, `${who} answered without an access_token`);
	}
	const expiresIn = Number(data.expires_in);
	return {
		token: data.access_token,
		expiresIn: data.expires_in === undefined || !Number.isFinite(expiresIn) ? undefined : expiresIn,
	};
}

async function fetchJson(
	settings: CredentialSettings,
	transport: HttpTransport,
	url: string,
	path: string,
	init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
) {
	const secrets = secretsOf(settings);
	// A WeChat path ("/cgi-bin/stable_token") or the token server's address.
	const named = (error: unknown) =>
		path.startsWith('/')
			? endpointFailure(error, WECHAT_API, { call: callName(path), proxyUrl: settings.http.proxyUrl, url })
			: endpointFailure(error, TOKEN_SERVER, { proxyUrl: settings.http.proxyUrl, url });
	const http = { ...settings.http, secrets, transport };
	const res = await sendHttp({ url, ...init }, http).catch((error: unknown) => {
		throw named(error);
	});
	let body: unknown;
	try {
		body = parseJsonBody(res, path, http);
	} catch (error) {
		throw named(error);
	}
	return readToken(body, path, url);
}

export function stableTokenFetcher(s: CredentialSettings, transport: HttpTransport): TokenFetcher {
	const path = '/cgi-bin/stable_token';
	// force_refresh stays false even after a rejection: WeChat then hands out its current
	// stable token, and a forced refresh would invalidate every other holder's token.
	return async () =>
		await fetchJson(s, transport, `${s.apiBaseUrl}${path}`, path, {
			method: 'POST',
			headers: { 'content-type': 'application/json; charset=utf-8' },
			body: JSON.stringify({
				grant_type: 'client_credential',
				appid: s.appId ?? '',
				secret: s.appSecret ?? '',
				force_refresh: false,
			}),
		});
}

function classicTokenFetcher(s: CredentialSettings, transport: HttpTransport): TokenFetcher {
	const path = '/cgi-bin/token';
	return async () => {
		const query = new URLSearchParams({
			grant_type: 'client_credential',
			appid: s.appId ?? '',
			secret: s.appSecret ?? '',
		});
		return await fetchJson(s, transport, `${s.apiBaseUrl}${path}?${query.toString()}`, path, { method: 'GET' });
	};
}

/**
 * Central token server protocol: GET the URL → {"access_token", "expires_in"?}. After WeChat
 * rejects a token: GET it with `refresh=1&stale_token=<token>`, so the server refreshes only if
 * that token is still its current one.
 */
export function tokenServerFetcher(s: CredentialSettings, transport: HttpTransport): TokenFetcher {
	const base = s.tokenServerUrl ?? '';
	const where = describeUrl(base);
	const headers: Record<string, string> = { accept: 'application/json' };
	if (s.tokenServerHeaderName) headers[s.tokenServerHeaderName] = s.tokenServerHeaderValue ?? '';
	return async (staleToken?: string) => {
		let url = base;
		if (staleToken) {
			const extra = new URLSearchParams({ refresh: '1', stale_token: staleToken }).toString();
			url = `${base}${base.includes('?') ? '&' : '?'}${extra}`;
		}
		return await fetchJson({ ...s, accessToken: staleToken ?? s.accessToken }, transport, url, where, {
			method: 'GET',
			headers,
		});
	};
}

// Per-process random key: fingerprints cannot be compared across processes or reversed offline.
const FINGERPRINT_KEY = randomBytes(32);

/** A one-way HMAC-SHA-256 of `parts`, safe to use as a map key where the parts are secrets. */
export function fingerprint(...parts: string[]): string {
	return createHmac('sha256', FINGERPRINT_KEY).update(JSON.stringify(parts)).digest('hex');
}

/**
 * Where a token comes from and what proves the right to it. The AppID alone is public, so the
 * key also holds a fingerprint of the AppSecret (or the token server's header): a credential
 * with a wrong secret never sees another credential's cached token.
 */
export function tokenCacheKey(s: CredentialSettings): string {
	const origin = URL.canParse(s.apiBaseUrl) ? new URL(s.apiBaseUrl).origin : s.apiBaseUrl;
	const proof =
		s.tokenSource === 'tokenServer'
			? fingerprint(s.tokenServerUrl ?? '', s.tokenServerHeaderName ?? '', s.tokenServerHeaderValue ?? '')
			: fingerprint(s.appId ?? '', s.appSecret ?? '');
	const who = s.tokenSource === 'tokenServer' ? describeUrl(s.tokenServerUrl ?? '') : s.appId;
	return `${origin}|${s.tokenSource}|${who ?? ''}|${proof}`;
}

/** Process-wide token servers, so executions in one n8n process share tokens. */
class TokenServerRegistry {
	private readonly servers = new Map<string, CachingTokenServer>();

	/** Replaceable clock (tests drive it together with the sandbox's clock). */
	now: () => number = Date.now;

	/** The token server of `settings`; a fetch it starts goes through `transport` (n8n's request helper). */
	get(settings: CredentialSettings, transport: HttpTransport): TokenServer {
		if (settings.tokenSource === 'accessToken') return new FixedTokenServer(settings.accessToken ?? '');
		const key = tokenCacheKey(settings);
		const fetcher =
			settings.tokenSource === 'classicToken'
				? classicTokenFetcher(settings, transport)
				: settings.tokenSource === 'tokenServer'
					? tokenServerFetcher(settings, transport)
					: stableTokenFetcher(settings, transport);
		let server = this.servers.get(key);
		if (server) {
			server.useFetcher(fetcher);
		} else {
			server = new CachingTokenServer(fetcher, () => this.now());
			this.servers.set(key, server);
		}
		return server;
	}

	/** The token server of `settings` if a node run made one (its fetches use that run's transport). */
	existing(settings: CredentialSettings): TokenServer | undefined {
		if (settings.tokenSource === 'accessToken') return new FixedTokenServer(settings.accessToken ?? '');
		return this.servers.get(tokenCacheKey(settings));
	}

	clear(): void {
		this.servers.clear();
	}
}

export const tokenServers = new TokenServerRegistry();
