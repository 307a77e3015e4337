import { useSandbox } from '../helpers/sandbox';
import { CapturedLogs, everythingShown, leaks } from './exposure';
import { CuttingRelay, RefusingProxy, closedPort } from './faults';
import { NODE_NAME, prepareSandbox, runRow, secretsOf, textPattern } from './harness';
import { RELIABILITY_ROWS } from './rows';
import type { Env, Row } from './table';

const ctx = useSandbox('demo');
const logs = new CapturedLogs();
const relay = new CuttingRelay(() => ctx.sb.url);
const proxy = new RefusingProxy(407, 'Proxy Authentication Required');
let closed = '';
let env: Env;

beforeAll(async () => {
	await relay.start();
	await proxy.start();
	closed = `127.0.0.1:${await closedPort()}`;
});

afterAll(async () => {
	await relay.stop();
	await proxy.stop();
});

beforeEach(() => {
	prepareSandbox(ctx.sb);
	relay.cut.clear();
	relay.afterHeaders.clear();
	const api = ctx.sb.url.replace('http://', '');
	env = { api, relay: relay.host, closed, proxy: proxy.host, tokenServer: api, cut: relay.cut, afterHeaders: relay.afterHeaders, abort: new AbortController(), sb: ctx.sb };
	logs.install();
});

afterEach(() => logs.uninstall());

async function check(row: Row, kind: 'fault' | 'input'): Promise<void> {
	const result = await runRow(row, env);
	expect(ctx.sb.requests.map((r) => `${r.method} ${r.path}`)).toEqual(row.requests);
	if (row.cancelled) {
		expect(env.abort.signal.aborted).toBe(true);
	} else if (row.message) {
		expect(result.error?.message).toBe(row.message(env));
		if (row.description) expect(result.error?.description).toMatch(textPattern(row.description(env)));
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(result.output(NODE_NAME)).toEqual([]);
	} else {
		expect(result.error).toBeUndefined();
		expect(result.output(NODE_NAME).length).toBeGreaterThan(0);
	}
	if (kind === 'input') expect(ctx.sb.tokenRequests()).toEqual([]);
	row.after?.(env);
	expect(leaks(everythingShown(result, logs.lines), secretsOf(ctx.sb))).toEqual([]);
}

describe('Reliability table', () => {
	it('has at least 25 faults and 30 bad inputs, each described once', () => {
		expect(RELIABILITY_ROWS.faults.length).toBeGreaterThanOrEqual(25);
		expect(RELIABILITY_ROWS.inputs.length).toBeGreaterThanOrEqual(30);
		const names = [...RELIABILITY_ROWS.faults, ...RELIABILITY_ROWS.inputs].map((r) => r.when);
		expect(new Set(names).size).toBe(names.length);
	});

	it('captures n8n’s debug log lines (so the secret checks below see them)', async () => {
		await runRow(RELIABILITY_ROWS.faults[0], env);
		expect(logs.lines.some((line) => line.startsWith('debug '))).toBe(true);
	});

	describe.each(RELIABILITY_ROWS.faults.map((row) => [row.when, row] as const))('fault: %s', (_when, row) => {
		it('names the failing side, sends exactly the expected requests, leaks no secret', async () => {
			await check(row, 'fault');
		});
	});

	describe.each(RELIABILITY_ROWS.inputs.map((row) => [row.when, row] as const))('bad input: %s', (_when, row) => {
		it('is refused in the user’s words before any request, leaks no secret', async () => {
			await check(row, 'input');
		});
	});
});
