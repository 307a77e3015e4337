// Load benchmark: 10,000 items through Agent → Get Online at Options → Concurrency 20 through
// n8n-core's WorkflowExecute (every item must succeed, with one token request), then executions
// in a row with the heap measured after each (global.gc first), to show it stays flat.
// The sandbox runs in a child process, as WeChat is a remote server. Prints figures only.
//
//   npx tsc -p tsconfig.dev.json && node --expose-gc build-dev/bench/load.js [items] [runs] [itemsPerRun]
import './setup-env';

import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

import type { INode } from 'n8n-workflow';

import { startSandbox, type KfSandbox } from '../sandbox';
import { ALL_ROUTES } from '../sandbox/routes';
import { NODE_TYPE } from '../test/helpers/nodes';
import { sandboxCredential } from '../test/helpers/sandbox';
import { runWorkflow, type WorkflowJson } from '../test/helpers/workflow';

const CONCURRENCY = 20;
const STABLE_TOKEN = '/cgi-bin/stable_token';
const ONLINE = '/cgi-bin/customservice/getonlinekflist';

interface Counts {
	tokens: number;
	online: number;
}

/** Child process: the demo sandbox, counting token and getonlinekflist requests. */
async function sandboxChild(): Promise<void> {
	const sb = await startSandbox({ seed: 'demo', logRequests: false });
	const counts: Counts = { tokens: 0, online: 0 };
	for (const [path, key] of [[STABLE_TOKEN, 'tokens'], [ONLINE, 'online']] as const) {
		const route = ALL_ROUTES.find((r) => r.path === path)!;
		sb.addRoute({ ...route, handler: (req, box) => (counts[key]++, route.handler(req, box)) });
	}
	process.on('message', (msg: string) => {
		if (msg === 'count') process.send?.({ ...counts });
		if (msg === 'stop') void sb.stop().then(() => process.exit(0));
	});
	process.send?.({ url: sb.url });
}

class RemoteSandbox {
	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
	) {}

	static async start(): Promise<RemoteSandbox> {
		const child = fork(__filename, ['--sandbox-child'], { stdio: 'inherit' });
		const [msg] = (await once(child, 'message')) as [{ url: string }];
		return new RemoteSandbox(child, msg.url);
	}

	async counts(): Promise<Counts> {
		this.child.send('count');
		const [msg] = (await once(this.child, 'message')) as [Counts];
		return msg;
	}

	async stop(): Promise<void> {
		this.child.send('stop');
		await once(this.child, 'exit');
	}
}

function workflow(items: number): WorkflowJson {
	const node = (name: string, type: string, x: number, parameters: INode['parameters'], extra: Partial<INode> = {}): INode => ({
		id: name,
		name,
		type,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		...extra,
	});
	return {
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 0, {}),
			node('Items', 'test.fixedItems', 200, { items: JSON.stringify(Array.from({ length: items }, (_, n) => ({ n }))) }),
			node('Online', NODE_TYPE, 400, { resource: 'agent', operation: 'getOnline', options: { concurrency: CONCURRENCY } }, {
				credentials: { weChatOfficialAccountApi: { id: 'bench', name: 'bench' } },
			}),
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Online', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Runs `items` items; throws unless every item produced the sandbox's 3 online agents. */
async function execute(sb: RemoteSandbox, items: number): Promise<number> {
	const started = process.hrtime.bigint();
	const result = await runWorkflow(workflow(items), sandboxCredential({ url: sb.url } as KfSandbox) /* only its url is read */);
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (result.error) throw result.error;
	const out = result.output('Online');
	const paired = out.every((o, n) => (o.pairedItem as { item: number }).item === Math.floor(n / 3) && o.json.status_name);
	if (out.length !== items * 3 || !paired) throw new Error(`expected ${items * 3} agent items paired with their inputs, got ${out.length}`);
	return ms;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function heapAfterGc(): number {
	global.gc?.();
	global.gc?.();
	return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
	const items = Number(process.argv[2] ?? 10000);
	const runs = Number(process.argv[3] ?? 20);
	const itemsPerRun = Number(process.argv[4] ?? 2000);
	if (!global.gc) console.log('(run with node --expose-gc for heap figures after a full collection)');
	const sb = await RemoteSandbox.start();
	try {
		const ms = await execute(sb, items);
		const first = await sb.counts();
		console.log(`Agent → Get Online, ${items} items at concurrency ${CONCURRENCY}: ${(ms / 1000).toFixed(2)} s, ${Math.round(items / (ms / 1000))} items/s`);
		console.log(`  all ${items} succeeded; getonlinekflist requests: ${first.online}; token requests: ${first.tokens}`);
		if (first.tokens !== 1 || first.online !== items) process.exitCode = 1;

		const baseline = heapAfterGc();
		console.log(`${runs} executions of ${itemsPerRun} items in a row; heap used after gc (baseline ${mb(baseline)} MB):`);
		const heaps: number[] = [];
		for (let run = 1; run <= runs; run++) {
			const runMs = await execute(sb, itemsPerRun);
			heaps.push(heapAfterGc());
			console.log(`  run ${String(run).padStart(2)}: ${(runMs / 1000).toFixed(2)} s, heap ${mb(heaps[heaps.length - 1])} MB`);
		}
		const firstHalf = heaps.slice(0, runs / 2);
		const secondHalf = heaps.slice(runs / 2);
		const avg = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
		console.log(
			`heap: runs 1–${runs / 2} average ${mb(avg(firstHalf))} MB, runs ${runs / 2 + 1}–${runs} average ${mb(avg(secondHalf))} MB, growth ${mb(avg(secondHalf) - avg(firstHalf))} MB`,
		);
		const last = await sb.counts();
		console.log(`token requests over all ${runs + 1} executions: ${last.tokens}`);
	} finally {
		await sb.stop();
	}
}

const run = process.argv.includes('--sandbox-child') ? sandboxChild() : main();
run.catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
