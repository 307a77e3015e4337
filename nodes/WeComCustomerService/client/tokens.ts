import { WeChatApiError, endpointFailure } from '../../shared/errors';
import { WeChatTransportError } from '../../shared/transport/errors';
import { fingerprint, tokenCache, type FetchedToken, type TokenFetcher, type TokenServer } from '../../shared/tokens';
import { parseJsonBody, sendHttp, type HttpTransport } from '../../shared/transport/http';
import { weComSecretsOf, type WeComSettings } from './credentials';
import { WECOM_API_HOST } from './family';
import { WECOM_WORDING } from './hints';

/** WeCom's gettoken call (its value is a path, not a secret). */
const GET = { path: '/cgi-bin/gettoken' } as const;

function readToken(body: unknown): FetchedToken {
	const data = (body ?? {}) as { access_token?: unknown; expires_in?: unknown; errcode?: unknown; errmsg?: unknown };
	if (typeof data.errcode === 'number' && data.errcode !== 0) {
		throw new WeChatApiError({
			errcode: data.errcode,
			errmsg: String(data.errmsg ?? ''),
			path: GET.path,
			source: 'WeCom',
			wording: WECOM_WORDING,
		});
	}
	if (typeof data.access_token !== 'string' || data.access_token === '') {
		throw new WeChatTransportError('invalidResponse', GET.path, "WeCom's answer to gettoken has no access_token");
	}
	const expiresIn = Number(data.expires_in);
	return { token: data.access_token, expiresIn: Number.isFinite(expiresIn) && data.expires_in !== undefined ? expiresIn : undefined };
}

/** GET /cgi-bin/gettoken?corpid=&corpsecret= (one token per Secret, 7200 s). */
export function getTokenFetcher(settings: WeComSettings, transport: HttpTransport): TokenFetcher {
	const query = new URLSearchParams({ corpid: settings.corpId, corpsecret: settings.secret });
	const url = `${settings.apiBaseUrl}${GET.path}?${query.toString()}`;
	const http = { ...settings.http, secrets: weComSecretsOf(settings), transport };
	const named = (error: unknown) =>
		endpointFailure(error, WECOM_API_HOST, { call: 'gettoken', proxyUrl: settings.http.proxyUrl, url: settings.apiBaseUrl });
	return async () => {
		const res = await sendHttp({ method: 'GET', url, headers: { accept: 'application/json' } }, http).catch((error: unknown) => {
			throw named(error);
		});
		let body: unknown;
		try {
			body = parseJsonBody(res, GET.path, http);
		} catch (error) {
			throw named(error);
		}
		return readToken(body);
	};
}

/**
 * Where a token comes from and what proves the right to it: the CorpID alone is public, so the
 * key holds a fingerprint of the CorpID and Secret; two credentials share a token only when both are equal.
 */
export function weComTokenCacheKey(settings: WeComSettings): string {
	const origin = URL.canParse(settings.apiBaseUrl) ? new URL(settings.apiBaseUrl).origin : settings.apiBaseUrl;
	return `${origin}|wecom|${settings.corpId}|${fingerprint(settings.corpId, settings.secret)}`;
}

/** The process-wide token server of `settings` (shared with the Official Account family's cache). */
export function weComTokenServer(settings: WeComSettings, transport: HttpTransport): TokenServer {
	return tokenCache.serverFor(weComTokenCacheKey(settings), getTokenFetcher(settings, transport));
}

/** The token server of `settings` if a node run made one. */
export function existingWeComTokenServer(settings: WeComSettings): TokenServer | undefined {
	return tokenCache.existing(weComTokenCacheKey(settings));
}
