import { credentialSettingsOf, secretsOf, type WeChatCredentialData } from './credentials';
import { KfClient } from './KfClient';
import { tokenServers } from './tokens';
import type { RetryPolicy } from './WeChatClient';

export function createKfClient(
	data: WeChatCredentialData,
	options: { signal?: AbortSignal; retry?: RetryPolicy } = {},
): KfClient {
	const settings = credentialSettingsOf(data);
	return new KfClient({
		apiBaseUrl: settings.apiBaseUrl,
		tokenServer: tokenServers.get(settings),
		http: { ...settings.http, signal: options.signal, secrets: secretsOf(settings) },
		retry: options.retry,
	});
}
