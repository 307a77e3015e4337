import { CredentialSettingsError } from '../../shared/credentialFields';
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

/** A problem with one field of the credential; `blocking` when the trigger cannot work with it. */
interface PushCredentialProblem {
	field: string;
	problem: string;
	blocking: boolean;
}

function keyProblems(field: string, key: string): PushCredentialProblem[] {
	if (key.length !== 43) return [{ field, problem: `must be 43 characters long, not ${key.length}`, blocking: true }];
	if (!isEncodingAESKey(key)) return [{ field, problem: 'may hold only letters a–z, A–Z and digits', blocking: true }];
	return [];
}

/** The one check of the push credential: the credential test reports every problem, the trigger refuses the blocking ones. */
function problemsOf(data: PushCredentialData): PushCredentialProblem[] {
	const problems: PushCredentialProblem[] = [];
	const token = data.token ?? '';
	const key = (data.encodingAESKey ?? '').trim();
	const previousKey = (data.previousEncodingAESKey ?? '').trim();
	const appId = (data.appId ?? '').trim();
	if (!token) problems.push({ field: 'Token', problem: 'is empty', blocking: true });
	else if (!TOKEN_PATTERN.test(token)) {
		problems.push({ field: 'Token', problem: 'must be 3 to 32 letters and digits, as in the Official Account console', blocking: false });
	}
	if (key) {
		problems.push(...keyProblems('EncodingAESKey', key));
		if (!appId) problems.push({ field: 'AppID', problem: 'is required when an EncodingAESKey is set', blocking: true });
	}
	if (previousKey) {
		// Without a current key the trigger reads plain pushes only: a previous key alone is unused.
		if (key) problems.push(...keyProblems('Previous EncodingAESKey', previousKey));
		else {
			problems.push(...keyProblems('Previous EncodingAESKey', previousKey).map((p) => ({ ...p, blocking: false })));
			problems.push({ field: 'Previous EncodingAESKey', problem: 'is used only next to an EncodingAESKey', blocking: false });
		}
	}
	if (appId && !APP_ID_PATTERN.test(appId)) {
		problems.push({ field: 'AppID', problem: 'does not look like one: "wx" followed by 16 hexadecimal characters', blocking: false });
	}
	return problems;
}

/** Problems with the credential, in the words of its fields; empty when it is usable. */
export function pushCredentialProblems(data: PushCredentialData): string[] {
	return problemsOf(data).map((p) => `The ${p.field} ${p.problem}`);
}

/**
 * What the trigger needs from the credential. Only what stops it from working is refused
 * here (an empty token, an unusable key, a key without AppID); the shape checks are the
 * credential test's.
 */
export function pushSettingsOf(data: PushCredentialData): PushSettings {
	const blocking = problemsOf(data).find((p) => p.blocking);
	if (blocking) throw new CredentialSettingsError(`The push credential's ${blocking.field} ${blocking.problem}`);
	const token = data.token ?? '';
	const key = (data.encodingAESKey ?? '').trim();
	const previousKey = key ? (data.previousEncodingAESKey ?? '').trim() : '';
	const appId = (data.appId ?? '').trim();
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
