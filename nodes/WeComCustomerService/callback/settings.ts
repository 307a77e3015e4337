// The WeCom Customer Service Callback API credential's fields, checked (no n8n here).
import { CredentialSettingsError } from '../../shared/credentialFields';
import { aesKeyOf, isEncodingAESKey, pushSecrets } from '../../shared/push/crypto';
import { fingerprint } from '../../shared/tokens';

/** As stored by n8n (WeComCustomerServiceCallbackApi.credentials.ts). */
export interface CallbackCredentialData {
	token?: string;
	encodingAESKey?: string;
	corpId?: string;
	/** Kept during a key rotation: callbacks WeCom still encrypts with the old key. */
	previousEncodingAESKey?: string;
}

export interface CallbackSettings {
	token: string;
	aesKey: Buffer;
	previousAesKey?: Buffer;
	corpId: string;
	/** One-way fingerprint of the credential, to key process-wide state without holding secrets. */
	fingerprint: string;
	/** Values that must never appear in an answer, an error or a log line. */
	secrets: string[];
}

const TOKEN_PATTERN = /^[A-Za-z0-9]{1,32}$/;
const CORP_ID_PATTERN = /^[A-Za-z0-9]{1,64}$/;

function fieldsOf(data: CallbackCredentialData) {
	return {
		token: data.token ?? '',
		key: (data.encodingAESKey ?? '').trim(),
		previousKey: (data.previousEncodingAESKey ?? '').trim(),
		corpId: (data.corpId ?? '').trim(),
	};
}

function keyProblem(label: string, key: string): string | undefined {
	if (key.length !== 43) return `The ${label} must be 43 characters long, not ${key.length}`;
	return isEncodingAESKey(key) ? undefined : `The ${label} may hold only letters a–z, A–Z and digits`;
}

/** Problems with the credential, in the words of its fields; empty when it is usable. */
export function callbackCredentialProblems(data: CallbackCredentialData): string[] {
	const { token, key, previousKey, corpId } = fieldsOf(data);
	const problems: Array<string | undefined> = [];
	if (!token) problems.push('The Token is empty');
	else if (!TOKEN_PATTERN.test(token)) problems.push('The Token must be 1 to 32 letters and digits, as in WeCom admin');
	problems.push(key ? keyProblem('EncodingAESKey', key) : 'The EncodingAESKey is empty');
	if (previousKey) problems.push(keyProblem('Previous EncodingAESKey', previousKey));
	if (!corpId) problems.push('The CorpID is empty');
	else if (!CORP_ID_PATTERN.test(corpId)) problems.push('The CorpID may hold only letters and digits, e.g. ww1234567890abcdef');
	return problems.filter((p): p is string => p !== undefined);
}

/**
 * What the trigger needs from the credential. Only what stops it from working is refused here;
 * the shape checks are the credential test's.
 */
export function callbackSettingsOf(data: CallbackCredentialData): CallbackSettings {
	const { token, key, previousKey, corpId } = fieldsOf(data);
	if (!token) throw new CredentialSettingsError("The callback credential's Token is empty");
	if (!isEncodingAESKey(key)) throw new CredentialSettingsError("The callback credential's EncodingAESKey must be 43 letters and digits");
	if (previousKey && !isEncodingAESKey(previousKey)) {
		throw new CredentialSettingsError("The callback credential's Previous EncodingAESKey must be 43 letters and digits");
	}
	if (!corpId) throw new CredentialSettingsError("The callback credential's CorpID is empty");
	const aesKey = aesKeyOf(key);
	const previousAesKey = previousKey ? aesKeyOf(previousKey) : undefined;
	return {
		token,
		aesKey,
		previousAesKey,
		corpId,
		fingerprint: fingerprint('wecom-callback', token, key, previousKey, corpId),
		secrets: pushSecrets(token, [key, previousKey], [aesKey, previousAesKey]),
	};
}
