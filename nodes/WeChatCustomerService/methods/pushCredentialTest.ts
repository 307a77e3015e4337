import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { pushCredentialProblems, type PushCredentialData } from '../push/settings';

/** Checks the push credential's shape; nothing is sent (WeChat has no endpoint to ask). */
export async function weChatOfficialAccountPushApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as PushCredentialData;
	const problems = pushCredentialProblems(data);
	if (problems.length) return { status: 'Error', message: problems.join('. ') };
	return {
		status: 'OK',
		message: data.encodingAESSecretKey
			? 'Token, EncodingAESKey and AppID look right (checked here, nothing was sent)'
			: 'The Token looks right; plain mode only (checked here, nothing was sent)',
	};
}
