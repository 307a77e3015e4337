// The managed access_token for requests the node does not make itself (n8n's HTTP Request node
// with this credential). Knows nothing of n8n: it takes and returns plain request options.
import { targetUnderApiBase, type ApiTargets } from '../../shared/apiTarget';
import { fetchTransport } from '../../shared/transport/fetchTransport';
import { weComSettingsOf, type WeComCredentialData } from './credentials';
import { existingWeComTokenServer, weComTokenServer } from './tokens';

/** The request fields this needs; n8n's IHttpRequestOptions (url) and legacy options (uri) both fit. */
interface TokenRequestOptions {
	url?: string;
	uri?: string;
	qs?: object;
}

const WECOM_API_TARGETS: ApiTargets = { service: 'WeCom', origins: new Set(['https://qyapi.weixin.qq.com']) };

/**
 * A copy of `request` sent to the credential's API host with `access_token` in its query, from
 * the process-wide token cache the node uses. The caller's options are not changed, so what n8n
 * shows or logs of the request never holds the token; the token goes to no other host.
 */
export async function withWeComAccessToken<T extends TokenRequestOptions>(data: WeComCredentialData, request: T): Promise<T> {
	const settings = weComSettingsOf(data);
	const key = request.url !== undefined ? 'url' : 'uri';
	const target = targetUnderApiBase(String(request[key] ?? ''), settings.apiBaseUrl, WECOM_API_TARGETS);
	const token = await (existingWeComTokenServer(settings) ?? weComTokenServer(settings, fetchTransport)).token();
	return { ...request, [key]: target, qs: { ...(request.qs ?? {}), access_token: token } };
}
