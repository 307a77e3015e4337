import { FixedTokenServer, tokenCacheKey } from '../../nodes/WeChatCustomerService/client/tokens';
import {
	CachingTokenServer,
	UNKNOWN_LIFETIME_SECONDS,
	usableLifetimeSeconds,
	type FetchedToken,
} from '../../nodes/shared/tokens';

/** A fetcher that hands out tok-1, tok-2, … and records the stale token it was given. */
function countingFetcher(expiresIn: number | null = 7200, delayMs = 10) {
	const calls: Array<string | undefined> = [];
	const fetcher = async (stale?: string): Promise<FetchedToken> => {
		calls.push(stale);
		await new Promise((r) => setTimeout(r, delayMs));
		return { token: `tok-${calls.length}`, expiresIn: expiresIn ?? undefined };
	};
	return { calls, fetcher };
}

describe('CachingTokenServer', () => {
	it('serves 50 simultaneous callers with one fetch (single flight)', async () => {
		const { calls, fetcher } = countingFetcher();
		const server = new CachingTokenServer(fetcher, () => 0);
		const tokens = await Promise.all(Array.from({ length: 50 }, () => server.token()));
		expect(calls).toHaveLength(1);
		expect(new Set(tokens)).toEqual(new Set(['tok-1']));
	});

	it('refreshes early by the seed margins: a 7200 s token is used for 6600 s', async () => {
		let now = 1_000_000;
		const { calls, fetcher } = countingFetcher(7200, 0);
		const server = new CachingTokenServer(fetcher, () => now);
		expect(await server.token()).toBe('tok-1');
		now += 6599_999;
		expect(await server.token()).toBe('tok-1');
		now += 1;
		expect(await server.token()).toBe('tok-2');
		expect(calls).toHaveLength(2);
	});

	it('applies every margin of the seed table', () => {
		expect(usableLifetimeSeconds(7200)).toBe(6600);
		expect(usableLifetimeSeconds(3601)).toBe(3001);
		expect(usableLifetimeSeconds(3600)).toBe(3300);
		expect(usableLifetimeSeconds(1801)).toBe(1501);
		expect(usableLifetimeSeconds(1800)).toBe(1740);
		expect(usableLifetimeSeconds(301)).toBe(241);
		expect(usableLifetimeSeconds(300)).toBe(290);
		expect(usableLifetimeSeconds(61)).toBe(51);
		expect(usableLifetimeSeconds(60)).toBe(30);
		expect(() => usableLifetimeSeconds(31556953)).toThrow('expires_in too large: 31556953');
	});

	it('trusts a token without expires_in for a short, fixed time', async () => {
		let now = 0;
		const { calls, fetcher } = countingFetcher(null, 0);
		const server = new CachingTokenServer(fetcher, () => now);
		await server.token();
		now = UNKNOWN_LIFETIME_SECONDS * 1000 - 1;
		await server.token();
		expect(calls).toHaveLength(1);
		now += 1;
		await server.token();
		expect(calls).toHaveLength(2);
	});

	it('refreshes a rejected token only while it is still the cached one', async () => {
		const { calls, fetcher } = countingFetcher(7200, 5);
		const server = new CachingTokenServer(fetcher, () => 0);
		const first = await server.token();
		// 20 callers saw tok-1 rejected at the same time: one refresh, all get tok-2.
		const refreshed = await Promise.all(Array.from({ length: 20 }, () => server.refreshToken(first)));
		expect(new Set(refreshed)).toEqual(new Set(['tok-2']));
		expect(calls).toEqual([undefined, 'tok-1']);
		// A late caller still holding tok-1 gets the current token without a fetch.
		expect(await server.refreshToken(first)).toBe('tok-2');
		expect(calls).toHaveLength(2);
		// The current token rejected: fetch again, passing the stale token.
		expect(await server.refreshToken('tok-2')).toBe('tok-3');
		expect(calls).toEqual([undefined, 'tok-1', 'tok-2']);
	});

	it('keeps no token after a failed fetch, and fetches again on the next call', async () => {
		let fail = true;
		let count = 0;
		const server = new CachingTokenServer(async () => {
			count++;
			if (fail) throw new Error('token endpoint down');
			return { token: 'good', expiresIn: 7200 };
		}, () => 0);
		await expect(server.token()).rejects.toThrow('token endpoint down');
		fail = false;
		expect(await server.token()).toBe('good');
		expect(count).toBe(2);
	});

	it('shares one failing fetch among concurrent callers', async () => {
		let count = 0;
		const server = new CachingTokenServer(async () => {
			count++;
			await new Promise((r) => setTimeout(r, 5));
			throw new Error('quota');
		}, () => 0);
		const results = await Promise.allSettled(Array.from({ length: 10 }, () => server.token()));
		expect(results.every((r) => r.status === 'rejected')).toBe(true);
		expect(count).toBe(1);
	});
});

describe('FixedTokenServer', () => {
	it('returns the fixed token and explains that it cannot be refreshed', async () => {
		const server = new FixedTokenServer('fixed-token-value-123');
		expect(await server.token()).toBe('fixed-token-value-123');
		await expect(server.refreshToken()).rejects.toThrow(
			'WeChat error 40001 on credential: the fixed access token in the credential was rejected — The credential uses a fixed access token, which cannot be refreshed. Paste a current token, or switch the Token Source to Stable Token.',
		);
	});
});

describe('tokenCacheKey', () => {
	const base = { http: { timeoutMs: 1000 } };
	const stable = { ...base, tokenSource: 'stableToken' as const, apiBaseUrl: 'https://api.weixin.qq.com', appId: 'wx1' };
	const server = {
		...base,
		tokenSource: 'tokenServer' as const,
		apiBaseUrl: 'http://127.0.0.1:9/prefix',
		tokenServerUrl: 'http://ts/token?key=url-secret-123',
		tokenServerHeaderName: 'x-key',
		tokenServerHeaderValue: 'header-secret-456',
	};

	it('keys by origin, token source, AppID (or token server URL) and a fingerprint of the proof', () => {
		expect(tokenCacheKey({ ...stable, appSecret: 's1' })).toMatch(/^https:\/\/api\.weixin\.qq\.com\|stableToken\|wx1\|[0-9a-f]{64}$/);
		expect(tokenCacheKey(server)).toMatch(/^http:\/\/127\.0\.0\.1:9\|tokenServer\|http:\/\/ts\/token\|[0-9a-f]{64}$/);
	});

	it('differs when only the AppSecret, the header value or the URL differs, and never contains them', () => {
		expect(tokenCacheKey({ ...stable, appSecret: 's1' })).toBe(tokenCacheKey({ ...stable, appSecret: 's1' }));
		expect(tokenCacheKey({ ...stable, appSecret: 's1' })).not.toBe(tokenCacheKey({ ...stable, appSecret: 's2' }));
		expect(tokenCacheKey(server)).not.toBe(tokenCacheKey({ ...server, tokenServerHeaderValue: 'other' }));
		expect(tokenCacheKey(server)).not.toBe(tokenCacheKey({ ...server, tokenServerUrl: 'http://ts/token?key=other' }));
		const key = tokenCacheKey(server);
		for (const secret of ['url-secret-123', 'header-secret-456']) expect(key).not.toContain(secret);
		expect(tokenCacheKey({ ...stable, appSecret: 'app-secret-789' })).not.toContain('app-secret-789');
	});
});
