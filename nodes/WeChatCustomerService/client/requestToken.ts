// The managed access_token for requests the node does not make itself (n8n's HTTP Request node
// with this credential). Knows nothing of n8n: it takes and returns plain request options.
import {
	CredentialSettingsError,
	credentialSettingsOf,
	type WeChatCredentialData,
} from './credentials';
import { fetchTransport } from '../../shared/transport/fetchTransport';
import { tokenServers } from './tokens';

/** The request fields this needs; n8n's IHttpRequestOptions (url) and legacy options (uri) both fit. */
interface TokenRequestOptions {
	url?: string;
	uri?: string;
	qs?: object;
}

/** WeChat's API hosts: the credential's API Host choices. */
export const WECHAT_API_HOSTS = [
	{ host: 'api.weixin.qq.com', label: 'Nearest Access Point' },
	{ host: 'api2.weixin.qq.com', label: 'Disaster Recovery' },
	{ host: 'sh.api.weixin.qq.com', label: 'Shanghai' },
	{ host: 'sz.api.weixin.qq.com', label: 'Shenzhen' },
	{ host: 'hk.api.weixin.qq.com', label: 'Hong Kong' },
] as const;

const WECHAT_API_ORIGINS: ReadonlySet<string> = new Set(WECHAT_API_HOSTS.map((h) => `https://${h.host}`));

function pathPrefix(url: URL): string {
	return url.pathname.replace(/\/+$/, '');
}

/**
 * Where a request for `target` goes: a WeChat API host or the credential's own base URL is
 * replaced by the credential's base URL (its API Host, a reverse proxy or the sandbox), so a
 * workflow written against https://api.weixin.qq.com follows the credential. Anything else is
 * refused: the token is never sent to another host.
 */
export function targetUnderApiBase(target: string, apiBaseUrl: string): string {
	const base = new URL(apiBaseUrl);
	const url = URL.canParse(target) ? new URL(target) : undefined;
	const prefix = pathPrefix(base);
	let rest: string | undefined;
	if (url && url.origin === base.origin && (prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) {
		rest = url.pathname.slice(prefix.length);
	} else if (url && WECHAT_API_ORIGINS.has(url.origin)) {
		rest = url.pathname;
	}
	if (rest === undefined || !url) {
		throw new CredentialSettingsError(
			`The WeChat credential adds its access_token only to WeChat API requests (https://api.weixin.qq.com/… or ${apiBaseUrl}/…), not to ${target.split('?')[0] || '(no URL)'}`,
		);
	}
	return `${base.origin}${prefix}${rest}${url.search}`;
}

/**
 * A copy of `request` sent to the credential's API host with `access_token` in its query, from
 * the process-wide token cache that the node uses (same single flight, same early refresh).
 * The caller's options object is not changed, so what n8n shows or logs of the request never
 * holds the token. A token server a node run created keeps fetching through n8n's request helper.
 */
export async function withAccessToken<T extends TokenRequestOptions>(data: WeChatCredentialData, request: T): Promise<T> {
	const settings = credentialSettingsOf(data);
	const key = request.url !== undefined ? 'url' : 'uri';
	const target = targetUnderApiBase(String(request[key] ?? ''), settings.apiBaseUrl);
	const token = await (tokenServers.existing(settings) ?? tokenServers.get(settings, fetchTransport)).token();
	return { ...request, [key]: target, qs: { ...(request.qs ?? {}), access_token: token } };
}
