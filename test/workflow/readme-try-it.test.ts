// The README's "Try it with the sandbox" commands, run as written (only the trigger's host and port
// point at a receiver here instead of n8n), against the demo data seeded at several times of day:
// each command succeeds, and the closed-session push names a customer whose chat records example 06
// finds in the 24 hours before.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { useDefaultRetry } from '../../nodes/shared/client/WeChatClient';
import { tokenServers } from '../../nodes/WeChatCustomerService/client/tokens';
import { PushDeduplicator } from '../../nodes/WeChatCustomerService/push/dedup';
import { SignedUrlMemory } from '../../nodes/WeChatCustomerService/push/replay';
import type { PushItem } from '../../nodes/WeChatCustomerService/push/message';
import { receivePush } from '../../nodes/WeChatCustomerService/push/receive';
import { pushSettingsOf } from '../../nodes/WeChatCustomerService/push/settings';
import { runCli } from '../../sandbox/cli';
import { seedDemo } from '../../sandbox/demo';
import { SANDBOX_PUSH } from '../../sandbox/push';
import { KfSandbox } from '../../sandbox/server';
import { sandboxCredential } from '../helpers/sandbox';
import { runWorkflow, type WorkflowJson } from '../helpers/workflow';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const CLOSE_LOG = JSON.parse(readFileSync(join(ROOT, 'examples', '06-log-every-closed-session.json'), 'utf8')) as WorkflowJson;

/** The `npm run sandbox -- …` lines of the section's bash block, split as a shell would (double quotes only). */
function readmeCommands(): string[][] {
	const section = README.slice(README.indexOf('### Try it with the sandbox'));
	const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
	return block
		.split('\n')
		.filter((line) => line.startsWith('npm run sandbox -- '))
		.map((line) => [...line.slice('npm run sandbox -- '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]));
}

/** Shanghai wall-clock hours of one day: night, morning, noon, evening, just before midnight. */
const TIMES_OF_DAY = ['00:30', '07:00', '12:00', '18:45', '23:50'].map((hm) => Date.parse(`2026-03-10T${hm}:00+08:00`) / 1000);

let receiver: Server;
let receiverOrigin = '';
const received: PushItem[] = [];
// Each test is a new n8n: a repeat of the same push within the second is no duplicate there.
let dedup = new PushDeduplicator();
let signedUrls = new SignedUrlMemory();
beforeEach(() => {
	dedup = new PushDeduplicator();
	signedUrls = new SignedUrlMemory();
	received.length = 0;
});
beforeAll(async () => {
	const settings = pushSettingsOf(SANDBOX_PUSH);
	const options = {
		events: ['*'],
		reply: 'transferOnKeywords' as const,
		transferKeywords: ['人工'],
		maxAgeSeconds: 300,
		deduplicate: true,
		includeRawXml: false,
		timeZone: 'Asia/Shanghai',
		scope: 'readme-try-it',
	};
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const u = new URL(req.url ?? '/', 'http://x');
			const query = Object.fromEntries(u.searchParams);
			const answer = receivePush(settings, { method: req.method ?? 'GET', query, rawBody: Buffer.concat(chunks) }, options, { dedup, signedUrls, now: Date.now });
			if (answer.item) received.push(answer.item);
			res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
		});
	});
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
	receiverOrigin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>((r) => receiver.close(() => r()));
});

let sb: KfSandbox;
const sandboxPort = process.env.SANDBOX_PORT;
afterEach(async () => {
	await sb?.stop();
	if (sandboxPort === undefined) delete process.env.SANDBOX_PORT;
	else process.env.SANDBOX_PORT = sandboxPort;
	tokenServers.now = Date.now;
	useDefaultRetry();
});

/** The demo sandbox as `npm start` seeds it, at `unixSeconds`; the CLI finds it through SANDBOX_PORT, as it would on 8787. */
async function demoSandboxAt(unixSeconds: number): Promise<KfSandbox> {
	const started = await new KfSandbox({ port: 0, host: '127.0.0.1' }).start();
	started.clock.freezeAt(unixSeconds);
	seedDemo(started);
	process.env.SANDBOX_PORT = new URL(started.url).port;
	tokenServers.clear();
	tokenServers.now = () => started.clock.nowMs();
	useDefaultRetry({ maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 });
	return started;
}

describe('README: Try it with the sandbox', () => {
	const commands = readmeCommands();

	it('lists verify, the pushes to example 05 and the closed session for example 06', () => {
		expect(commands.map((c) => c[0])).toEqual(['verify', 'push', 'push', 'push']);
		const urlOf = (c: string[]) => c[c.indexOf('--url') + 1];
		const triggers = Object.fromEntries(
			['05-auto-reply-and-hand-over-to-a-human.json', '06-log-every-closed-session.json'].map((f) => {
				const wf = JSON.parse(readFileSync(join(ROOT, 'examples', f), 'utf8')) as WorkflowJson & { nodes: Array<{ webhookId?: string }> };
				return [f.slice(0, 2), `http://127.0.0.1:5678/webhook/${wf.nodes.find((n) => n.webhookId)?.webhookId}/webhook`];
			}),
		);
		expect(commands.map(urlOf)).toEqual([triggers['05'], triggers['05'], triggers['05'], triggers['06']]);
	});

	it.each(TIMES_OF_DAY)('runs every command as written against the demo data at %i, and example 06 finds the closed session’s records', async (at) => {
		sb = await demoSandboxAt(at);
		for (const command of commands) {
			const args = command.map((a) => a.replace('http://127.0.0.1:5678', receiverOrigin));
			expect([command.join(' '), await runCli(args)]).toEqual([command.join(' '), 0]);
		}
		const closed = received.find((item) => item.Event === 'kf_close_session');
		expect(closed?.openid).toBe(commands[3][commands[3].indexOf('--from') + 1]);

		// Example 06's record node, as shipped, on that item: its expressions read CreateTime and openid. The push
		// carries the real time; the demo data is seeded relative to the sandbox's clock, so its time stands in.
		const records = CLOSE_LOG.nodes.find((n) => n.name === 'Chat records of the session')!;
		const json = JSON.stringify(records.parameters)
			.replaceAll('$json.CreateTime', String(at))
			.replaceAll('$json.openid', `'${closed?.openid}'`);
		const wf: WorkflowJson = {
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ ...records, parameters: JSON.parse(json) },
			],
			connections: { Start: { main: [[{ node: records.name, type: 'main', index: 0 }]] } },
		};
		const result = await runWorkflow(wf, sandboxCredential(sb));
		expect(result.error).toBeUndefined();
		const found = result.json(records.name);
		expect(found.length).toBeGreaterThan(0);
		expect(new Set(found.map((r) => r.openid))).toEqual(new Set([closed?.openid]));
	});
});
