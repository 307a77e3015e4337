// Benchmark: a workflow sends a text message to 1,000 customers through n8n's WorkflowExecute,
// after a warm-up run that is not counted, with Options → Concurrency 1 and then 10 (five runs, their median), against a sandbox that adds 50 ms to every send.
// Prints both times and the ratio, on this machine's Node and then on Node 24 (n8n 2.x's runtime);
// exits 1 if concurrency 10 is not at least 8× faster on Node 24. Every request goes through n8n's
// request helper, which opens a new connection per request: on Node 20 that costs more per send.
// The sandbox runs in a child process, as WeChat is a remote server: its own CPU time does not
// compete with the workflow's on one thread.
//
//   npx tsc -p tsconfig.dev.json && node build-dev/bench/concurrency.js [customers] [delayMs]
import './setup-env';

import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox, type KfSandbox } from '../sandbox';
import { withParams } from '../test/helpers/patch';
import { sandboxCredential } from '../test/helpers/sandbox';
import { runWorkflow, type WorkflowJson } from '../test/helpers/workflow';

const SEND = '/cgi-bin/message/custom/send';
const REQUIRED_SPEEDUP = 8;
const PARALLEL_RUNS = 5;

function workflowFor(items: object[], concurrency: number): WorkflowJson {
	const file = join(__dirname, '..', '..', 'test', 'fixtures', 'message-send-bulk.workflow.json');
	const wf = JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson;
	return withParams(withParams(wf, 'Customers', { items: JSON.stringify(items) }), 'Send to Each', {
		options: { concurrency },
	});
}

/** The customers' openids, the same in both processes. */
function openids(customers: number): string[] {
	return Array.from({ length: customers }, (_, n) => `oBench_${String(n).padStart(5, '0')}`);
}

/** Child process: a sandbox whose customers all wrote a minute ago, with `delayMs` on every send. */
async function sandboxChild(customers: number, delayMs: number): Promise<void> {
	const sb = await startSandbox({ seed: 'demo', logRequests: false });
	// WeChat allows 5 messages per customer after they write, and the benchmark sends 7 to each.
	const everyoneWrites = () => {
		const now = sb.clock.now();
		for (const openid of openids(customers)) sb.state.conversations.customerWrites(openid, now - 60, openid, { waits: false });
	};
	everyoneWrites();
	sb.setFault(SEND, { delayMs });
	process.on('message', (msg: string) => {
		if (msg === 'count') {
			everyoneWrites();
			process.send?.({ count: sb.requestCount });
		}
		if (msg === 'stop') void sb.stop().then(() => process.exit(0));
	});
	process.send?.({ url: sb.url });
}

class RemoteSandbox {
	constructor(
		private readonly child: ChildProcess,
		readonly url: string,
	) {}

	static async start(customers: number, delayMs: number): Promise<RemoteSandbox> {
		const child = fork(__filename, ['--sandbox-child', String(customers), String(delayMs)], { stdio: 'inherit' });
		const [msg] = (await once(child, 'message')) as [{ url: string }];
		return new RemoteSandbox(child, msg.url);
	}

	async requestCount(): Promise<number> {
		this.child.send('count');
		const [msg] = (await once(this.child, 'message')) as [{ count: number }];
		return msg.count;
	}

	async stop(): Promise<void> {
		this.child.send('stop');
		await once(this.child, 'exit');
	}
}

async function timeRun(sb: RemoteSandbox, items: Array<{ openid: string }>, concurrency: number): Promise<number> {
	const before = await sb.requestCount();
	const started = process.hrtime.bigint();
	const result = await runWorkflow(workflowFor(items, concurrency), sandboxCredential({ url: sb.url } as KfSandbox) /* only its url is read */);
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (result.error) throw result.error;
	const out = result.output('Send to Each');
	const inOrder = out.length === items.length && out.every((o, n) => o.json.openid === items[n].openid && o.json.success === true);
	if (!inOrder) throw new Error(`concurrency ${concurrency}: output is not one success per customer in input order`);
	const sends = (await sb.requestCount()) - before;
	if (sends < items.length) throw new Error(`concurrency ${concurrency}: the sandbox saw ${sends} requests, expected ${items.length}`);
	return ms;
}

async function main(): Promise<void> {
	const customers = Number(process.argv[2] ?? 1000);
	const delayMs = Number(process.argv[3] ?? 50);
	const sb = await RemoteSandbox.start(customers, delayMs);
	try {
		const items = openids(customers).map((openid, n) => ({ openid, text: `您好 👋 订单 #${n} 已发货` }));
		// A warm-up run first, not counted: the first run of a process pays for compiling the code
		// paths and growing the heap, and it would count against whichever run came first.
		const warmUp = await timeRun(sb, items, 10);
		const serial = await timeRun(sb, items, 1);
		// The short run five times and its median: one stray pause moves a 6-second run by a few percent.
		const parallels: number[] = [];
		for (let run = 0; run < PARALLEL_RUNS; run++) parallels.push(await timeRun(sb, items, 10));
		const parallel = [...parallels].sort((a, b) => a - b)[Math.floor(PARALLEL_RUNS / 2)];
		const ratio = serial / parallel;
		const gated = process.version.startsWith('v24.');
		console.log(`Node ${process.version}${gated ? " (n8n 2.x's runtime)" : ''}, customers: ${customers}, sandbox delay per send: ${delayMs} ms`);
		console.log(`warm-up (concurrency 10, not counted): ${(warmUp / 1000).toFixed(2)} s`);
		console.log(`concurrency 1:  ${(serial / 1000).toFixed(2)} s`);
		console.log(`concurrency 10: ${(parallel / 1000).toFixed(2)} s (median of ${parallels.map((ms) => (ms / 1000).toFixed(2)).join(', ')})`);
		console.log(`speedup: ${ratio.toFixed(2)}x (required on Node 24: >= ${REQUIRED_SPEEDUP}x)`);
		if (gated && ratio < REQUIRED_SPEEDUP) process.exitCode = 1;
	} finally {
		await sb.stop();
	}
	if (!process.version.startsWith('v24.')) onNode24();
}

/** The same run in a child on Node 24, the Node n8n 2.x runs on; its exit code is this run's. */
function onNode24(): void {
	/* eslint-disable-next-line @typescript-eslint/no-require-imports -- the n8n harness is plain CommonJS */
	const runtime = require(join(__dirname, '..', '..', 'scripts', 'n8n', 'runtime')) as { ensureNode24(): Promise<{ bin: string }> };
	void runtime.ensureNode24().then((node24) => {
		console.log('');
		try {
			execFileSync(node24.bin, [__filename, ...process.argv.slice(2)], { stdio: 'inherit' });
		} catch {
			process.exitCode = 1;
		}
	});
}

const childAt = process.argv.indexOf('--sandbox-child');
const run = childAt > -1 ? sandboxChild(Number(process.argv[childAt + 1]), Number(process.argv[childAt + 2])) : main();
run.catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
