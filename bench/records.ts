// Chat records at the limit. For N = 30k, 300k, 1M over 3 days, alternating in one process:
// A = Record → Get Many (Return All) through n8n-core's WorkflowExecute against a fast
// getmsglist server, B = a bare undici loop over the same pages, C = a stub node emitting the
// same N items through WorkflowExecute (n8n's floor). Then peak memory of A per output mode,
// each in its own process. All of it on this machine's Node, then again on Node 24, the
// runtime n8n 2.x requires (installed into the runtime cache when missing).
// Run: npm run bench (or: npx tsc -p tsconfig.dev.json && node build-dev/bench/records.js [30000,300000])
import './setup-env';

import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { version } from 'node:process';

import { Agent } from 'undici';

import { tokenServers } from '../nodes/WeChatCustomerService/client/tokens';
import { closeBaselinePool, UndiciBaselineNode } from './baseline/undiciTransport';
import { createNodeTypes, NODE_TYPE } from '../test/helpers/nodes';
import { runWorkflow } from '../test/helpers/workflow';
import {
	NODE_NAME,
	bareLoop,
	benchCredential,
	itemColumns,
	recordWorkflow,
	repoRoot,
	startFastServer,
	stubNodeTypes,
	stubWorkflow,
	type FastServer,
} from './recordParts';

const SIZES = (process.argv[2] ?? '30000,300000,1000000').split(',').map(Number);
/** Set in the second pass (the child on Node 24): its label, and no third pass. */
const RUNTIME_LABEL_ENV = 'WECHAT_CS_BENCH_RECORDS_RUNTIME';

/** Rounds per size: more for the small ones, whose few milliseconds a busy neighbour moves most. */
function roundsFor(n: number): number {
	if (n >= 1_000_000) return Number(process.env.BENCH_ROUNDS_1M ?? 5);
	return Number(process.env.BENCH_ROUNDS ?? (n <= 100_000 ? 15 : 9));
}

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const ms = (v: number) => `${Math.round(v).toLocaleString('en-US')}`;
const spread = (v: number[]) => `${ms(median(v))} (${ms(Math.min(...v))}–${ms(Math.max(...v))})`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** A0: the same node with the undici transport it had before (the baseline of A). */
const baselineNodeTypes = createNodeTypes({ [NODE_TYPE]: new UndiciBaselineNode() });

async function timeA(server: FastServer, baseline = false): Promise<[number, number, number]> {
	tokenServers.clear();
	const before = await server.requests();
	const t = performance.now();
	const result = await runWorkflow(recordWorkflow(), benchCredential(server.url), baseline ? { nodeTypes: baselineNodeTypes } : {});
	const elapsed = performance.now() - t;
	if (result.error) throw result.error;
	return [elapsed, result.output(NODE_NAME).length, (await server.requests()) - before];
}

async function timeB(server: FastServer, agent: Agent, keep = false): Promise<[number, number, number]> {
	const t = performance.now();
	const [records, requests] = await bareLoop(server.url, agent, keep ? [] : undefined);
	return [performance.now() - t, records, requests];
}

async function timeC(nodeTypes: ReturnType<typeof stubNodeTypes>): Promise<[number, number]> {
	const t = performance.now();
	const result = await runWorkflow(stubWorkflow, {}, { nodeTypes });
	const elapsed = performance.now() - t;
	return [elapsed, result.output(NODE_NAME).length];
}

interface Memory {
	records: number;
	rssMB: number;
	heapMB: number;
}

function memoryOf(mode: 'items' | 'file', url: string): Memory {
	const out = execFileSync(process.execPath, [join(__dirname, 'recordMemory.js'), mode, url], { encoding: 'utf8' });
	return JSON.parse(out.trim().split('\n').pop()!) as Memory;
}

async function main() {
	const runtimeLabel = process.env[RUNTIME_LABEL_ENV] ?? `Node ${version} (this machine's)`;
	console.log(`chat records on ${runtimeLabel}: A node, B bare undici loop, C stub node through WorkflowExecute; load before: ${load()}`);
	const rows: string[] = [];
	for (const n of SIZES) {
		const rounds = roundsFor(n);
		const server = await startFastServer(n);
		const agent = new Agent({ keepAliveTimeout: 30_000 });
		const nodeTypes = stubNodeTypes(itemColumns(n));
		// Warm-up (JIT, server page cache), not counted.
		await timeA(server);
		await timeA(server, true);
		await timeB(server, agent);
		await timeC(nodeTypes);
		const a: number[] = [];
		const a0: number[] = [];
		const b: number[] = [];
		const c: number[] = [];
		const bKeep: number[] = [];
		let pagesA = 0;
		let pagesB = 0;
		for (let r = 0; r < rounds; r++) {
			const [ta, na, qa] = await timeA(server);
			const [ta0, na0] = await timeA(server, true);
			if (na0 !== n) throw new Error(`baseline record count ${na0}, expected ${n}`);
			a0.push(ta0);
			const [tb, nb, qb] = await timeB(server, agent);
			const [tc, nc] = await timeC(nodeTypes);
			if (na !== n || nb !== n || nc !== n) throw new Error(`record counts differ: A ${na}, B ${nb}, C ${nc}, expected ${n}`);
			a.push(ta);
			b.push(tb);
			c.push(tc);
			[pagesA, pagesB] = [qa, qb];
			global.gc?.();
		}
		// B′ after the rounds, so that the heap it leaves behind does not change A, B or C.
		for (let r = 0; r < rounds; r++) {
			bKeep.push((await timeB(server, agent, true))[0]);
			global.gc?.();
		}
		const ratio = median(a) / (median(b) + median(c));
		console.log(`N=${n}: A (n8n's request helper) ${spread(a)} vs A0 (the undici transport before) ${spread(a0)}: A/A0 ${(median(a) / median(a0)).toFixed(2)}`);
		console.log(`N=${n}: A ${spread(a)}, B ${spread(b)}, C ${spread(c)}, A/(B+C) ${ratio.toFixed(2)}, pages ${pagesA}/${pagesB}; B′ (B keeping what it parsed) ${spread(bKeep)}, A/(B′+C) ${(median(a) / (median(bKeep) + median(c))).toFixed(2)}`);
		const memItems = memoryOf('items', server.url);
		const memFile = memoryOf('file', server.url);
		rows.push(
			`| ${n.toLocaleString('en-US')} | ${spread(a)} | ${spread(b)} | ${spread(c)} | ${ratio.toFixed(2)} | ${pagesA} / ${pagesB} | ` +
				`${Math.round(n / (median(a) / 1000)).toLocaleString('en-US')} | ${memItems.rssMB} / ${memItems.heapMB} | ${memFile.records === n ? `${memFile.rssMB} / ${memFile.heapMB}` : `wrote ${memFile.records} records, expected ${n}`} | ${spread(bKeep)} | ${(median(a) / (median(bKeep) + median(c))).toFixed(2)} |`,
		);
		console.log(`N=${n}: ${rounds} rounds done, load ${load()}`);
		await agent.close();
		server.stop();
	}
	console.log('');
	console.log(`${runtimeLabel}:`);
	console.log(
		'| records | A node, ms | B bare loop, ms | C n8n floor, ms | A/(B+C) | pages A / B | records/s (A) | items mode: peak RSS / heap MB | file mode (jsonl, filesystem): peak RSS / heap MB | B′ bare loop keeping the parsed records, ms | A/(B′+C) |',
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const row of rows) console.log(row);
	console.log(`(medians, min–max in brackets; load after: ${load()})`);
	await closeBaselinePool();
	if (!process.env[RUNTIME_LABEL_ENV]) await onNode24();
}

/** The same comparison in a child on Node 24, the Node n8n 2.x runs on (its V8 collects garbage differently). */
async function onNode24(): Promise<void> {
	if (process.version.startsWith('v24.')) return;
	/* eslint-disable-next-line @typescript-eslint/no-require-imports -- the n8n harness is plain CommonJS */
	const runtime = require(join(repoRoot(), 'scripts', 'n8n', 'runtime')) as {
		NODE24_VERSION: string;
		ensureNode24(): Promise<{ bin: string }>;
	};
	const node24 = await runtime.ensureNode24();
	console.log('');
	execFileSync(node24.bin, ['--expose-gc', __filename, SIZES.join(',')], {
		stdio: 'inherit',
		env: { ...process.env, [RUNTIME_LABEL_ENV]: `Node v${runtime.NODE24_VERSION} (n8n 2.x's runtime)` },
	});
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
