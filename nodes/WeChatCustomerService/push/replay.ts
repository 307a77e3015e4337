import { createHash } from 'node:crypto';

import { DEDUP_TTL_MS } from './dedup';
import { PushRejected } from '../../shared/push/errors';
import { ExpiringMemory } from '../../shared/push/memory';

/** The signed part of a push URL: WeChat's `signature` covers the token, timestamp and nonce, never the body. */
interface SignedUrl {
	timestamp: string;
	nonce: string;
	signature: string;
}

/**
 * Whoever sees a signed push URL (a proxy's access log, a log shipper) could post another body
 * with it while its timestamp is inside Max Age. The first body a signed URL came with is
 * remembered (as a SHA-256) until its timestamp leaves the window: the same bytes again are
 * WeChat's retry, other bytes are refused. Keys need no credential scope: the signature already
 * depends on the Token. One process only.
 */
export class SignedUrlMemory extends ExpiringMemory<string> {
	constructor(maxEntries = 100_000, now: () => number = () => Date.now()) {
		super(DEDUP_TTL_MS, maxEntries, now);
	}

	/** Remembers the body of a signed URL seen first; throws PushRejected (401) for another body. */
	check(url: SignedUrl, body: Uint8Array, expiresAt?: number): void {
		const key = `${url.timestamp}|${url.nonce}|${url.signature}`;
		const hash = createHash('sha256').update(body).digest('base64');
		const first = this.get(key);
		if (first === undefined) this.remember(key, hash, expiresAt);
		else if (first !== hash) throw new PushRejected(401, 'This signed URL was already used with another body');
	}
}

/** Shared by every trigger node of the n8n process. */
export const signedUrlMemory = new SignedUrlMemory();
