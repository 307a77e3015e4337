import { startSandbox, type KfSandbox } from '../../sandbox';
import { TOKEN_SERVER_HEADER, TOKEN_SERVER_PATH, tokenServerRoutes } from '../../sandbox/routes/tokenServer';

let sb: KfSandbox;
beforeEach(async () => {
	sb = await startSandbox({ seed: 'empty' });
	// Registered in routes/index.ts; added again here so the test does not depend on the route list.
	for (const r of tokenServerRoutes) sb.addRoute(r);
});
afterEach(async () => {
	await sb.stop();
});

async function ask(query = '', header = TOKEN_SERVER_HEADER.value) {
	const res = await fetch(`${sb.url}${TOKEN_SERVER_PATH}${query}`, { headers: { [TOKEN_SERVER_HEADER.name]: header } });
	return { status: res.status, json: (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string } };
}

const stableFetches = () => sb.requestsTo('/cgi-bin/stable_token').length;

describe('sandbox as a central token server', () => {
	it('hands 20 concurrent callers one token from one stable_token request', async () => {
		const answers = await Promise.all(Array.from({ length: 20 }, () => ask()));
		const tokens = new Set(answers.map((a) => a.json.access_token));
		expect(answers.every((a) => a.status === 200)).toBe(true);
		expect(tokens.size).toBe(1);
		expect(answers[0].json.expires_in).toBe(7200);
		expect(stableFetches()).toBe(1);
		// The token it hands out works against the kf API.
		const list = await fetch(`${sb.url}/cgi-bin/customservice/getkflist?access_token=${answers[0].json.access_token}`);
		expect(((await list.json()) as { errcode?: number }).errcode ?? 0).toBe(0);
	});

	it('refreshes only while the stale token is still its current one', async () => {
		const first = (await ask()).json.access_token as string;
		expect((await ask(`?refresh=1&stale_token=someone-elses-old-token`)).json.access_token).toBe(first);
		expect(stableFetches()).toBe(1);
		// WeChat revoked it (the platform's side), so the refresh gets a new one.
		sb.state.tokens.get(first)!.revokedAt = sb.clock.now();
		const second = (await ask(`?refresh=1&stale_token=${first}`)).json.access_token;
		expect(second).not.toBe(first);
		expect(stableFetches()).toBe(2);
		expect((await ask(`?refresh=1&stale_token=${first}`)).json.access_token).toBe(second);
		expect(stableFetches()).toBe(2);
	});

	it('renews in the token’s last 5 minutes', async () => {
		await ask();
		sb.clock.advance(7200 - 299);
		await ask();
		expect(stableFetches()).toBe(2);
	});

	it('refuses a caller without its key header', async () => {
		const r = await ask('', 'wrong');
		expect(r.status).toBe(401);
		expect(r.json.errmsg).toBe(`token server: missing or wrong ${TOKEN_SERVER_HEADER.name}`);
		expect(stableFetches()).toBe(0);
	});
});
