import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { callbackCredentialProblems, type CallbackCredentialData } from '../callback/settings';

/** Checks the callback credential's shape; nothing is sent (WeCom has no endpoint to ask). */
export async function weComCustomerServiceCallbackApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problems = callbackCredentialProblems((credential.data ?? {}) as CallbackCredentialData);
	if (problems.length) return { status: 'Error', message: problems.join('. ') };
	return { status: 'OK', message: 'Token, EncodingAESKey and CorpID look right (checked here, nothing was sent)' };
}
