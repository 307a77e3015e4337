import { OFFICIAL_ACCOUNT_API } from './family';
import { credentialSettingsOf, secretsOf, type CredentialSettings, type WeChatCredentialData } from './credentialSettings';
import { KfClient } from './KfClient';
import { tokenServers } from './tokens';
import type { HttpTransport } from '../../shared/transport/http';
import type { RetryPolicy } from '../../shared/client/WeChatClient';
import type { TokenServer } from '../../shared/tokens';

/** The one place a KfClient is built: the credential's host and HTTP settings, with `tokenServer`'s tokens. */
export function kfClientFor(
	settings: CredentialSettings,
	transport: HttpTransport,
	options: { tokenServer: TokenServer; signal?: AbortSignal; retry?: RetryPolicy; secrets?: string[] },
): KfClient {
	return new KfClient({
		family: OFFICIAL_ACCOUNT_API,
		apiBaseUrl: settings.apiBaseUrl,
		tokenServer: options.tokenServer,
		http: { ...settings.http, transport, signal: options.signal, secrets: options.secrets ?? secretsOf(settings) },
		retry: options.retry,
	});
}

/** A client for the credential `data`; every request goes through `transport` (n8n's request helper). */
export function createKfClient(
	data: WeChatCredentialData,
	transport: HttpTransport,
	options: { signal?: AbortSignal; retry?: RetryPolicy } = {},
): KfClient {
	const settings = credentialSettingsOf(data);
	return kfClientFor(settings, transport, { ...options, tokenServer: tokenServers.get(settings, transport) });
}
