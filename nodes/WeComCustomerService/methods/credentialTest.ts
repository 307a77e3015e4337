import {
	sleep,
	type ICredentialTestFunctions,
	type ICredentialsDecrypted,
	type INodeCredentialTestResult,
} from 'n8n-workflow';

import { credentialTestMessage } from '../../shared/errors';
import type { TokenServer } from '../../shared/tokens';
import { legacyHelperTransport } from '../../shared/transport/n8nRequest';
import { listAccounts } from '../client/accounts';
import { weComSecretsOf, weComSettingsOf, type WeComCredentialData } from '../client/credentials';
import { WECOM_API } from '../client/family';
import { getTokenFetcher } from '../client/tokens';
import { WeComClient } from '../client/WeComClient';

/**
 * Fetches a token with the CorpID and Secret, then lists one account: the Secret must be that of
 * the app 微信客服 lets call its API, which a token alone does not prove.
 */
export async function weComCustomerServiceApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as WeComCredentialData;
	let secrets: string[] = [];
	// n8n gives a credential test one request helper, the legacy `request` (ICredentialTestFunctions
	// has no httpRequest); every request of the test goes through it.
	const { request } = this.helpers;
	const transport = legacyHelperTransport(request, sleep);
	try {
		const settings = weComSettingsOf(data);
		secrets = weComSecretsOf(settings);
		const { token } = await getTokenFetcher(settings, transport)();
		secrets.push(token);
		const once: TokenServer = { token: async () => token, refreshToken: async () => token, refreshable: false };
		const client = new WeComClient({
			family: WECOM_API,
			apiBaseUrl: settings.apiBaseUrl,
			tokenServer: once,
			http: { ...settings.http, secrets, transport },
			retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 },
		});
		await listAccounts(client, 1);
		return { status: 'OK', message: 'WeCom accepted the CorpID and Secret, and the app may call the 微信客服 API' };
	} catch (error) {
		return { status: 'Error', message: credentialTestMessage(error, secrets) };
	}
}
