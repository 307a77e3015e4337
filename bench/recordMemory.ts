// One run of Record → Get Many in its own process, so peaks of one output mode never mix with
// another's. Prints {"records", "files", "rssMB", "heapMB", "baseRssMB", "growthMB", "externalGrowthMB"} as JSON on stdout:
// growthMB is the peak of heap used + external memory (Buffers) above the same sum before the run,
// externalGrowthMB the external part of it.
// Usage: node build-dev/bench/recordMemory.js <items|file> <server url> [jsonl|csv]
//   or:  node build-dev/bench/recordMemory.js compare [records, default 1000000]
//        (items, file jsonl and file csv against one fast server, each in its own process)
import './setup-env';

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { useFilesystemBinaryData } from '../test/helpers/binaryData';
import { runWorkflow } from '../test/helpers/workflow';
import { NODE_NAME, benchCredential, recordWorkflow, startFastServer } from './recordParts';

export interface RecordMemory {
	records: number;
	files: number;
	rssMB: number;
	heapMB: number;
	baseRssMB: number;
	growthMB: number;
	/** The external (Buffer) part of growthMB. */
	externalGrowthMB: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e6);

async function measure(mode: string, url: string, fileFormat: string): Promise<RecordMemory> {
	const dir = mkdtempSync(join(tmpdir(), 'wechat-cs-bench-bin-'));
	if (mode === 'file') await useFilesystemBinaryData(dir);
	global.gc?.();
	const baseRss = process.memoryUsage().rss;
	const base = process.memoryUsage();
	const baseSum = base.heapUsed + base.external;
	let heap = 0;
	let sum = 0;
	let externalAtPeak = 0;
	const sample = () => {
		const m = process.memoryUsage();
		heap = Math.max(heap, m.heapUsed);
		if (m.heapUsed + m.external > sum) [sum, externalAtPeak] = [m.heapUsed + m.external, m.external];
	};
	const timer = setInterval(sample, 5);
	const wf = recordWorkflow(mode === 'file' ? { output: 'file', fileFormat } : {});
	const result = await runWorkflow(wf, benchCredential(url));
	sample();
	clearInterval(timer);
	if (result.error) throw result.error;
	const items = result.output(NODE_NAME);
	const records = mode === 'file' ? items.reduce((n, item) => n + Number(item.json.records), 0) : items.length;
	rmSync(dir, { recursive: true, force: true });
	return {
		records,
		files: mode === 'file' ? items.length : 0,
		rssMB: mb(process.resourceUsage().maxRSS * 1024),
		heapMB: mb(heap),
		baseRssMB: mb(baseRss),
		growthMB: mb(sum - baseSum),
		externalGrowthMB: mb(externalAtPeak - base.external),
	};
}

/** Each mode in its own child process against one server; file mode's growth as a share of items mode's. */
async function compare(records: number): Promise<void> {
	const server = await startFastServer(records);
	try {
		const run = (...args: string[]) =>
			JSON.parse(
				execFileSync(process.execPath, ['--expose-gc', __filename, ...args, server.url], { encoding: 'utf8' }).trim().split('\n').pop()!,
			) as RecordMemory;
		const items = run('items');
		const rows: Array<[string, RecordMemory]> = [
			['items', items],
			['file, jsonl', run('file', 'jsonl')],
			['file, csv', run('file', 'csv')],
		];
		console.log(`${records.toLocaleString('en-US')} records, Node ${process.version}`);
		console.log('| output | records | files | peak heap + external growth, MB (external part) | share of items mode | peak RSS, MB | peak heap, MB |');
		console.log('| --- | --- | --- | --- | --- | --- | --- |');
		for (const [label, m] of rows) {
			const share = `${Math.round((100 * m.growthMB) / items.growthMB)} %`;
			console.log(`| ${label} | ${m.records.toLocaleString('en-US')} | ${m.files} | ${m.growthMB} (${m.externalGrowthMB}) | ${share} | ${m.rssMB} | ${m.heapMB} |`);
		}
	} finally {
		server.stop();
	}
}

async function main() {
	const args = process.argv.slice(2);
	if (args[0] === 'compare') return await compare(Number(args[1] ?? 1_000_000));
	// Child form: <mode> [format] <url>, or the documented <mode> <url> [format].
	const [mode, second, third] = args;
	const [url, fileFormat] = second.startsWith('http') ? [second, third ?? 'jsonl'] : [third, second];
	process.stdout.write(`${JSON.stringify(await measure(mode, url, fileFormat))}\n`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
