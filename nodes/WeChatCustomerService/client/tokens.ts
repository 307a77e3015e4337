import {
	fingerprint,
	tokenCache,
	type FetchedToken,
	type TokenFetcher,
	type TokenServer,
} from '../../shared/tokens';
import { describeUrl, parseJsonBody, sendHttp, type HttpTransport } from '../../shared/transport/http';
import { OFFICIAL_ACCOUNT_WORDING } from './hints';
import { secretsOf, type CredentialSettings } from './credentialSettings';
import { TOKEN_SERVER, WECHAT_API, WeChatApiError, callName, endpointFailure } from '../../shared/errors';
import { WeChatTransportError } from '../../shared/transport/errors';

export const FIXED_TOKEN_HINT =
	'The credential uses a fixed access token, which cannot be refreshed. Paste a current token, or switch the Token Source to Stable Token.';

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
			wording: OFFICIAL_ACCOUNT_WORDING,
		});
	}
}

function readToken(body: unknown, path: string, url: string): FetchedToken {
	const data = (body ?? {}) as { access_token?: unknown; expires_in?: unknown; errcode?: unknown; errmsg?: unknown };
	const fromTokenServer = !path.startsWith('/');
	if (typeof data.errcode === 'number' && data.errcode !== 0) {
		const source = fromTokenServer ? 'Token server' : 'WeChat';
		throw new WeChatApiError({ errcode: data.errcode, errmsg: String(data.errmsg ?? ''), path, source, wording: OFFICIAL_ACCOUNT_WORDING });
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

/** The Official Account's token servers, in the process-wide cache both families share. */
export const tokenServers = {
	/** The token server of `settings`; a fetch it starts goes through `transport` (n8n's request helper). */
	get(settings: CredentialSettings, transport: HttpTransport): TokenServer {
		if (settings.tokenSource === 'accessToken') return new FixedTokenServer(settings.accessToken ?? '');
		const fetcher =
			settings.tokenSource === 'classicToken'
				? classicTokenFetcher(settings, transport)
				: settings.tokenSource === 'tokenServer'
					? tokenServerFetcher(settings, transport)
					: stableTokenFetcher(settings, transport);
		return tokenCache.serverFor(tokenCacheKey(settings), fetcher);
	},

	/** The token server of `settings` if a node run made one (its fetches use that run's transport). */
	existing(settings: CredentialSettings): TokenServer | undefined {
		if (settings.tokenSource === 'accessToken') return new FixedTokenServer(settings.accessToken ?? '');
		return tokenCache.existing(tokenCacheKey(settings));
	},

	/** Test hook: the clock of the shared cache. */
	get now(): () => number {
		return tokenCache.now;
	},
	set now(clock: () => number) {
		tokenCache.now = clock;
	},

	clear(): void {
		tokenCache.clear();
	},
};
