// Chat records at the limit. For N = 30k, 300k, 1M over 3 days, alternating in one process:
// A = Record → Get Many (Return All) through n8n-core's WorkflowExecute against a fast
// getmsglist server, B = a bare undici loop over the same pages, C = a stub node emitting the
// same N items through WorkflowExecute (n8n's floor). Then peak memory of A per output mode,
// each in its own process.
// Run: npm run bench (or: npx tsc -p tsconfig.dev.json && node build-dev/bench/records.js [30000,300000])
import './setup-env';

import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { Agent } from 'undici';

import { tokenServers } from '../nodes/WeChatCustomerService/client/tokens';
import { closeHttpPools } from '../nodes/WeChatCustomerService/transport/http';
import { runWorkflow } from '../test/helpers/workflow';
import {
	NODE_NAME,
	bareLoop,
	benchCredential,
	itemColumns,
	recordWorkflow,
	startFastServer,
	stubNodeTypes,
	stubWorkflow,
	type FastServer,
} from './recordParts';

const SIZES = (process.argv[2] ?? '30000,300000,1000000').split(',').map(Number);

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const ms = (v: number) => `${Math.round(v).toLocaleString('en-US')}`;
const spread = (v: number[]) => `${ms(median(v))} (${ms(Math.min(...v))}–${ms(Math.max(...v))})`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function timeA(server: FastServer): Promise<[number, number, number]> {
	tokenServers.clear();
	const before = await server.requests();
	const t = performance.now();
	const result = await runWorkflow(recordWorkflow(), benchCredential(server.url));
	const elapsed = performance.now() - t;
	if (result.error) throw result.error;
	return [elapsed, result.output(NODE_NAME).length, (await server.requests()) - before];
}

async function timeB(server: FastServer, agent: Agent): Promise<[number, number, number]> {
	const t = performance.now();
	const [records, requests] = await bareLoop(server.url, agent);
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
	console.log(`chat records: A node, B bare undici loop, C stub node through WorkflowExecute; load before: ${load()}`);
	const rows: string[] = [];
	for (const n of SIZES) {
		const rounds = n >= 1_000_000 ? Number(process.env.BENCH_ROUNDS_1M ?? 3) : Number(process.env.BENCH_ROUNDS ?? 5);
		const server = await startFastServer(n);
		const agent = new Agent({ keepAliveTimeout: 30_000 });
		const nodeTypes = stubNodeTypes(itemColumns(n));
		// Warm-up (JIT, server page cache), not counted.
		await timeA(server);
		await timeB(server, agent);
		await timeC(nodeTypes);
		const a: number[] = [];
		const b: number[] = [];
		const c: number[] = [];
		let pagesA = 0;
		let pagesB = 0;
		for (let r = 0; r < rounds; r++) {
			const [ta, na, qa] = await timeA(server);
			const [tb, nb, qb] = await timeB(server, agent);
			const [tc, nc] = await timeC(nodeTypes);
			if (na !== n || nb !== n || nc !== n) throw new Error(`record counts differ: A ${na}, B ${nb}, C ${nc}, expected ${n}`);
			a.push(ta);
			b.push(tb);
			c.push(tc);
			[pagesA, pagesB] = [qa, qb];
			global.gc?.();
		}
		const ratio = median(a) / (median(b) + median(c));
		console.log(`N=${n}: A ${spread(a)}, B ${spread(b)}, C ${spread(c)}, A/(B+C) ${ratio.toFixed(2)}, pages ${pagesA}/${pagesB}`);
		const memItems = memoryOf('items', server.url);
		const memFile = memoryOf('file', server.url);
		rows.push(
			`| ${n.toLocaleString('en-US')} | ${spread(a)} | ${spread(b)} | ${spread(c)} | ${ratio.toFixed(2)} | ${pagesA} / ${pagesB} | ` +
				`${Math.round(n / (median(a) / 1000)).toLocaleString('en-US')} | ${memItems.rssMB} / ${memItems.heapMB} | ${memFile.records === n ? `${memFile.rssMB} / ${memFile.heapMB}` : `wrote ${memFile.records} records, expected ${n}`} |`,
		);
		console.log(`N=${n}: ${rounds} rounds done, load ${load()}`);
		await agent.close();
		server.stop();
	}
	console.log('');
	console.log(
		'| records | A node, ms | B bare loop, ms | C n8n floor, ms | A/(B+C) | pages A / B | records/s (A) | items mode: peak RSS / heap MB | file mode (jsonl, filesystem): peak RSS / heap MB |',
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const row of rows) console.log(row);
	console.log(`(medians, min–max in brackets; load after: ${load()})`);
	await closeHttpPools();
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
