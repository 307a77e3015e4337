import type { RetryPolicy } from '../../shared/client/WeChatClient';
import type { HttpTransport } from '../../shared/transport/http';
import { weComSecretsOf, weComSettingsOf, type WeComCredentialData } from './credentials';
import { WECOM_API } from './family';
import { weComTokenServer } from './tokens';
import { WeComClient } from './WeComClient';

/** A client for the credential `data`; every request goes through `transport` (n8n's request helper). */
export function createWeComClient(
	data: WeComCredentialData,
	transport: HttpTransport,
	options: { signal?: AbortSignal; retry?: RetryPolicy } = {},
): WeComClient {
	const settings = weComSettingsOf(data);
	return new WeComClient({
		family: WECOM_API,
		apiBaseUrl: settings.apiBaseUrl,
		tokenServer: weComTokenServer(settings, transport),
		http: { ...settings.http, transport, signal: options.signal, secrets: weComSecretsOf(settings) },
		retry: options.retry,
	});
}
