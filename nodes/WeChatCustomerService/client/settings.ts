import { OFFICIAL_ACCOUNT_API } from './family';
import { credentialSettingsOf, secretsOf, type WeChatCredentialData } from './credentials';
import { KfClient } from './KfClient';
import { tokenServers } from './tokens';
import type { HttpTransport } from '../../shared/transport/http';
import type { RetryPolicy } from '../../shared/client/WeChatClient';

/** A client for the credential `data`; every request goes through `transport` (n8n's request helper). */
export function createKfClient(
	data: WeChatCredentialData,
	transport: HttpTransport,
	options: { signal?: AbortSignal; retry?: RetryPolicy } = {},
): KfClient {
	const settings = credentialSettingsOf(data);
	return new KfClient({
		family: OFFICIAL_ACCOUNT_API,
		apiBaseUrl: settings.apiBaseUrl,
		tokenServer: tokenServers.get(settings, transport),
		http: { ...settings.http, transport, signal: options.signal, secrets: secretsOf(settings) },
		retry: options.retry,
	});
}
