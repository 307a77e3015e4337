// One pull per account at a time, with what it returns kept whole however large it is.
import { accountPulls } from '../../nodes/WeComCustomerService/trigger/pull';

describe('accountPulls', () => {
	it('returns every item of a pull larger than the arguments a call can spread (a callback announcing 150,000 messages)', async () => {
		const items = Array.from({ length: 150_000 }, (_, i) => i);
		const out = await accountPulls.run('bench|corp|wk1', 'token', async () => items);
		expect(out).toHaveLength(150_000);
		expect(out?.[149_999]).toBe(149_999);
	});

	it('a callback during the pull makes it go on with that callback\'s token, and both rounds\' items come back in order', async () => {
		const tokens: string[] = [];
		let folded: Promise<number[] | undefined> | undefined;
		const out = await accountPulls.run('bench|corp|wk2', 'first', async (token) => {
			tokens.push(token);
			if (tokens.length === 1) folded = accountPulls.run('bench|corp|wk2', 'second', async () => [-1]);
			return tokens.length === 1 ? [1, 2] : [3];
		});
		expect(await folded).toBeUndefined();
		expect(tokens).toEqual(['first', 'second']);
		expect(out).toEqual([1, 2, 3]);
		expect(accountPulls.size).toBe(0);
	});
});
