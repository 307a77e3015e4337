// The managed access_token for requests the node does not make itself (n8n's HTTP Request node
// with this credential). Knows nothing of n8n: it takes and returns plain request options.
import {
	credentialSettingsOf,
	type WeChatCredentialData,
} from './credentialSettings';
import { targetUnderApiBase, type ApiTargets } from '../../shared/apiTarget';
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

const WECHAT_API_TARGETS: ApiTargets = {
	service: 'WeChat',
	origins: new Set(WECHAT_API_HOSTS.map((h) => `https://${h.host}`)),
};

/**
 * A copy of `request` sent to the credential's API host with `access_token` in its query, from
 * the process-wide token cache that the node uses (same single flight, same early refresh).
 * The caller's options object is not changed, so what n8n shows or logs of the request never
 * holds the token. A token server a node run created keeps fetching through n8n's request helper.
 */
export async function withAccessToken<T extends TokenRequestOptions>(data: WeChatCredentialData, request: T): Promise<T> {
	const settings = credentialSettingsOf(data);
	const key = request.url !== undefined ? 'url' : 'uri';
	const target = targetUnderApiBase(String(request[key] ?? ''), settings.apiBaseUrl, WECHAT_API_TARGETS);
	const token = await (tokenServers.existing(settings) ?? tokenServers.get(settings, fetchTransport)).token();
	return { ...request, [key]: target, qs: { ...(request.qs ?? {}), access_token: token } };
}
