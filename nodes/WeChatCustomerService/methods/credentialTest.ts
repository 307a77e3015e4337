import {
	sleep,
	type ICredentialTestFunctions,
	type ICredentialsDecrypted,
	type INodeCredentialTestResult,
} from 'n8n-workflow';

import { credentialSettingsOf, secretsOf, type WeChatCredentialData } from '../client/credentialSettings';
import { WeChatApiError, credentialTestMessage } from '../../shared/errors';
import { kfClientFor } from '../client/createClient';
import { FixedTokenServer, stableTokenFetcher, tokenServerFetcher } from '../client/tokens';
import { legacyHelperTransport } from '../../shared/transport/n8nRequest';

const describe = credentialTestMessage;

/**
 * Checks the credential without disturbing anyone: AppID + AppSecret are checked through
 * stable_token without force refresh, even for the classic source, because a classic fetch
 * would invalidate the token every other system holds. Token-server and fixed tokens are
 * checked with one read-only kf call.
 */
export async function weChatOfficialAccountApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as WeChatCredentialData;
	let secrets: string[] = [];
	// n8n gives a credential test one request helper, the legacy `request` (ICredentialTestFunctions
	// has no httpRequest); every request of the test goes through it.
	const { request } = this.helpers;
	const transport = legacyHelperTransport(request, sleep);
	try {
		const settings = credentialSettingsOf(data);
		secrets = secretsOf(settings);
		if (settings.tokenSource === 'stableToken' || settings.tokenSource === 'classicToken') {
			await stableTokenFetcher(settings, transport)();
			return {
				status: 'OK',
				message: 'WeChat accepted the AppID and AppSecret (checked without invalidating any token)',
			};
		}
		const token =
			settings.tokenSource === 'tokenServer'
				? (await tokenServerFetcher(settings, transport)()).token
				: (settings.accessToken ?? '');
		secrets.push(token);
		const client = kfClientFor(settings, transport, {
			tokenServer: new FixedTokenServer(token),
			secrets,
			retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 },
		});
		const failure = await client.listAgents().then(
			() => undefined,
			(error: unknown) => error,
		);
		if (failure === undefined) return { status: 'OK', message: 'WeChat accepted the access token' };
		// The token works; only the customer-service feature is off.
		if (failure instanceof WeChatApiError && failure.errcode === 65400) {
			return { status: 'OK', message: `The access token works, but: ${describe(failure, secrets)}` };
		}
		return { status: 'Error', message: describe(failure, secrets) };
	} catch (error) {
		return { status: 'Error', message: describe(error, secrets) };
	}
}
