import { CredentialSettingsError } from '../client/credentials';
import { fingerprint } from '../../shared/tokens';
import { aesKeyOf, isEncodingAESKey, pushSecrets } from '../../shared/push/crypto';

/** The push credential's fields, as stored by n8n (WeChatOfficialAccountPushApi.credentials.ts). */
export interface PushCredentialData {
	token?: string;
	encodingAESKey?: string;
	/** Kept during a key rotation: pushes WeChat still encrypts with the old key. */
	previousEncodingAESKey?: string;
	appId?: string;
}

export interface PushSettings {
	token: string;
	/** Absent: plain mode only. */
	aesKey?: Buffer;
	/** Tried when `aesKey` does not open a push (only with `aesKey`). */
	previousAesKey?: Buffer;
	appId?: string;
	/** One-way fingerprint of the credential, to key process-wide state without holding secrets. */
	fingerprint: string;
	/** Values that must never appear in an answer, an error or a log line. */
	secrets: string[];
}

const APP_ID_PATTERN = /^wx[0-9a-f]{16}$/i;
const TOKEN_PATTERN = /^[A-Za-z0-9]{3,32}$/;

function keyProblems(label: string, key: string): string[] {
	if (key.length !== 43) return [`The ${label} must be 43 characters long, not ${key.length}`];
	if (!isEncodingAESKey(key)) return [`The ${label} may hold only letters a–z, A–Z and digits`];
	return [];
}

/** Problems with the credential, in the words of its fields; empty when it is usable. */
export function pushCredentialProblems(data: PushCredentialData): string[] {
	const problems: string[] = [];
	const token = data.token ?? '';
	const key = (data.encodingAESKey ?? '').trim();
	const previousKey = (data.previousEncodingAESKey ?? '').trim();
	const appId = (data.appId ?? '').trim();
	if (!token) problems.push('The Token is empty');
	else if (!TOKEN_PATTERN.test(token)) {
		problems.push('The Token must be 3 to 32 letters and digits, as in the Official Account console');
	}
	if (key) {
		problems.push(...keyProblems('EncodingAESKey', key));
		if (!appId) problems.push('The AppID is required when an EncodingAESKey is set');
	}
	if (previousKey) {
		problems.push(...keyProblems('Previous EncodingAESKey', previousKey));
		if (!key) problems.push('The Previous EncodingAESKey is used only next to an EncodingAESKey');
	}
	if (appId && !APP_ID_PATTERN.test(appId)) {
		problems.push('The AppID does not look like one: "wx" followed by 16 hexadecimal characters');
	}
	return problems;
}

/**
 * What the trigger needs from the credential. Only what stops it from working is refused
 * here (an empty token, an unusable key, a key without AppID); the shape checks are the
 * credential test's.
 */
export function pushSettingsOf(data: PushCredentialData): PushSettings {
	const token = data.token ?? '';
	const key = (data.encodingAESKey ?? '').trim();
	// Without a current key the trigger reads plain pushes only: a previous key alone is unused.
	const previousKey = key ? (data.previousEncodingAESKey ?? '').trim() : '';
	const appId = (data.appId ?? '').trim();
	if (!token) throw new CredentialSettingsError("The push credential's Token is empty");
	if (key && !isEncodingAESKey(key)) {
		throw new CredentialSettingsError("The push credential's EncodingAESKey must be 43 letters and digits");
	}
	if (previousKey && !isEncodingAESKey(previousKey)) {
		throw new CredentialSettingsError("The push credential's Previous EncodingAESKey must be 43 letters and digits");
	}
	if (key && !appId) throw new CredentialSettingsError("The push credential's AppID is required with an EncodingAESKey");
	const aesKey = key ? aesKeyOf(key) : undefined;
	const previousAesKey = previousKey ? aesKeyOf(previousKey) : undefined;
	return {
		token,
		aesKey,
		previousAesKey,
		appId: appId || undefined,
		fingerprint: fingerprint('push', token, key, previousKey, appId),
		secrets: pushSecrets(token, [key, previousKey], [aesKey, previousAesKey]),
	};
}
