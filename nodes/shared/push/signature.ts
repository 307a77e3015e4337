import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's push signature: lower-case hex SHA-1 of the parts sorted by code unit and joined
 * without separator. Three parts (token, timestamp, nonce) give `signature`; with the
 * `Encrypt` text as a fourth, `msg_signature`.
 */
export function pushSignature(...parts: string[]): string {
	return createHash('sha1').update([...parts].sort().join(''), 'utf8').digest('hex');
}

/** Constant-time comparison; a different length is refused before comparing. */
export function signatureMatches(expected: string, given: unknown): boolean {
	if (typeof given !== 'string') return false;
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(given, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}
