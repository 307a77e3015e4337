// `npm run sandbox -- …`: usage on --help or arguments it does not take, and one line with the fix
// when the push meets no published workflow (n8n's 404) or nothing at all.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { runCli } from '../../sandbox/cli';

let lines: string[] = [];
beforeEach(() => {
	lines = [];
	jest.spyOn(console, 'log').mockImplementation((text: string) => void lines.push(`out: ${text}`));
	jest.spyOn(console, 'error').mockImplementation((text: string) => void lines.push(`err: ${text}`));
});
afterEach(() => jest.restoreAllMocks());

describe('npm run sandbox', () => {
	it('prints every command on --help and exits 0', async () => {
		expect(await runCli(['--help'])).toBe(0);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^out: usage: npm run sandbox -- \[--port N\] \[--seed demo\|empty\]\n/);
		expect(lines[0]).toContain('npm run sandbox -- push --url <trigger URL>');
		expect(lines[0]).toContain('npm run sandbox -- verify --url <trigger URL> [--token T]');
		expect(await runCli(['push', '--help'])).toBe(0);
		expect(lines[1]).toMatch(/^out: usage: npm run sandbox -- push --url <trigger URL> \[--type text\|/);
	});

	it.each([
		[['--port'], 'cannot understand "--port"'],
		[['--port', 'eighty'], 'cannot use port "eighty"'],
		[['--seed', 'lots'], 'unknown --seed "lots"'],
		[['serve'], 'cannot understand "serve"'],
		[['push', '--url', 'http://127.0.0.1:1/x', '--colour', 'red'], 'cannot understand "--colour"'],
		[['push', '--type', 'text'], '--url is missing'],
		[['push', '--url', 'http://127.0.0.1:1/x', '--type', 'fax'], 'unknown --type "fax"'],
		[['verify'], '--url is missing'],
	])('refuses %j with what is wrong and the usage, exit 2', async (argv, problem) => {
		expect(await runCli(argv)).toBe(2);
		expect(lines).toHaveLength(1);
		expect(lines[0].split('\n').slice(0, 2)).toEqual([`err: ${problem}`, expect.stringMatching(/^usage: npm run sandbox -- /)]);
	});

	describe('a trigger URL where no published workflow listens', () => {
		let server: Server;
		let url = '';
		beforeAll(async () => {
			// What n8n answers for a webhook of a workflow that is not published (or does not exist).
			server = createServer((_req, res) => {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ code: 404, message: 'The requested webhook "POST x/webhook" is not registered.', hint: 'The workflow must be active…', stacktrace: 'Error: …\n    at …' }));
			});
			await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
			url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/a6a6a6a6-0000-4000-8000-00000000f00d/webhook`;
		});
		afterAll(async () => new Promise<void>((r) => server.close(() => r())));

		const fix = (at: string) =>
			`err: No published workflow listens at ${at} (n8n answered HTTP 404): publish the workflow in the editor (Publish, top right; n8n 1.x: the Active toggle) and check that the URL is its trigger's Production URL.`;

		it('push says so in one line, with the fix', async () => {
			expect(await runCli(['push', '--direct', '--url', url, '--type', 'kf_close_session', '--from', 'oDemoCustomer01'])).toBe(1);
			expect(lines).toEqual([fix(url)]);
		});

		it('verify says so in one line, with the fix', async () => {
			expect(await runCli(['verify', '--url', url])).toBe(1);
			expect(lines).toEqual([fix(url)]);
		});

		it('a URL nothing answers at says so in one line', async () => {
			// A port that was free a moment ago (fetch refuses "bad" ports such as 9 before connecting).
			const closed = createServer();
			await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
			const port = (closed.address() as AddressInfo).port;
			await new Promise<void>((r) => closed.close(() => r()));
			const nothing = `http://127.0.0.1:${port}/webhook/x/webhook`;
			expect(await runCli(['push', '--direct', '--url', nothing])).toBe(1);
			expect(lines).toEqual([`err: Could not reach ${nothing}: ECONNREFUSED. Is n8n running there (npm start)?`]);
		});
	});
});
