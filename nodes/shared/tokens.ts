import { createHmac, randomBytes } from 'node:crypto';

/**
 * The token server (中控服务器) interface of the Go mp/dkf package: any deployment can implement it.
 * `refreshToken(rejected)` refreshes only when `rejected` is still the current token,
 * so many callers that saw the same rejection cause one refresh.
 */
export interface TokenServer {
	token(): Promise<string>;
	refreshToken(rejectedToken: string): Promise<string>;
	/** False for a token that cannot be renewed; a rejection is then reported at once. */
	readonly refreshable?: boolean;
}

export interface FetchedToken {
	token: string;
	/** Seconds the token stays valid, as reported; undefined when the source does not say. */
	expiresIn?: number;
}

export type TokenFetcher = (staleToken?: string) => Promise<FetchedToken>;

/** Codes with which WeChat says the access_token used is not (or no longer) valid. */
export const TOKEN_REJECTED_CODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** How long to trust a token whose source gave no lifetime (inside WeChat's 5-minute overlap). */
export const UNKNOWN_LIFETIME_SECONDS = 240;

/**
 * The Go mp/dkf package's safety margins: refresh well before WeChat's expiry, inside the 5-minute window
 * in which the previous classic token keeps working for other holders (7200 s → 6600 s).
 */
export function usableLifetimeSeconds(expiresIn: number): number {
	if (expiresIn > 31556952) throw new Error(`expires_in too large: ${expiresIn}`);
	if (expiresIn > 3600) return expiresIn - 600;
	if (expiresIn > 1800) return expiresIn - 300;
	if (expiresIn > 300) return expiresIn - 60;
	if (expiresIn > 60) return expiresIn - 10;
	// The Go mp/dkf package refuses such tokens; a nearly expired stable token is still worth one use.
	return Math.max(0, Math.floor(expiresIn / 2));
}

/** Caches one token, shares one in-flight fetch among all callers, refreshes early. */
export class CachingTokenServer implements TokenServer {
	private cached?: { token: string; refreshAt: number };
	private inflight?: Promise<string>;

	constructor(
		private fetcher: TokenFetcher,
		private readonly now: () => number = Date.now,
	) {}

	/** Later fetches use `fetcher` (new settings for the same key); the cached token stays. */
	useFetcher(fetcher: TokenFetcher): void {
		this.fetcher = fetcher;
	}

	async token(): Promise<string> {
		if (this.cached && this.now() < this.cached.refreshAt) return this.cached.token;
		return await this.fetchOnce();
	}

	async refreshToken(rejectedToken: string): Promise<string> {
		if (this.inflight) return await this.inflight;
		if (this.cached && this.cached.token !== rejectedToken && this.now() < this.cached.refreshAt) {
			return this.cached.token;
		}
		this.cached = undefined;
		return await this.fetchOnce(rejectedToken);
	}

	private async fetchOnce(staleToken?: string): Promise<string> {
		if (!this.inflight) {
			this.inflight = this.fetchAndStore(staleToken).finally(() => {
				this.inflight = undefined;
			});
		}
		return await this.inflight;
	}

	private async fetchAndStore(staleToken?: string): Promise<string> {
		// A failed fetch leaves no token behind (as the Go mp/dkf package does): the next call fetches again.
		this.cached = undefined;
		const fetched = await this.fetcher(staleToken);
		const lifetime =
			fetched.expiresIn === undefined ? UNKNOWN_LIFETIME_SECONDS : usableLifetimeSeconds(fetched.expiresIn);
		this.cached = { token: fetched.token, refreshAt: this.now() + lifetime * 1000 };
		return fetched.token;
	}
}

// Per-process random key: fingerprints cannot be compared across processes or reversed offline.
const FINGERPRINT_KEY = randomBytes(32);

/** A one-way HMAC-SHA-256 of `parts`, safe to use as a map key where the parts are secrets. */
export function fingerprint(...parts: string[]): string {
	return createHmac('sha256', FINGERPRINT_KEY).update(JSON.stringify(parts)).digest('hex');
}

/**
 * Process-wide token servers of both families, keyed by where a token comes from and a fingerprint
 * of what proves the right to it, so executions in one n8n process share tokens and a credential
 * never sees another's.
 */
class TokenCache {
	private readonly servers = new Map<string, CachingTokenServer>();

	/** Replaceable clock (tests drive it together with the sandbox's clock). */
	now: () => number = Date.now;

	/** The token server under `key`; later fetches use `fetcher` (the current run's transport). */
	serverFor(key: string, fetcher: TokenFetcher): CachingTokenServer {
		let server = this.servers.get(key);
		if (server) {
			server.useFetcher(fetcher);
		} else {
			server = new CachingTokenServer(fetcher, () => this.now());
			this.servers.set(key, server);
		}
		return server;
	}

	existing(key: string): CachingTokenServer | undefined {
		return this.servers.get(key);
	}

	clear(): void {
		this.servers.clear();
	}
}

export const tokenCache = new TokenCache();
