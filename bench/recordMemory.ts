// One run of Record → Get Many in its own process, so peaks of one output mode never mix with
// another's. Prints {"records", "rssMB", "heapMB", "baseRssMB"} as JSON on stdout.
// Usage: node build-dev/bench/recordMemory.js <items|file> <server url> [jsonl|csv]
import './setup-env';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { useFilesystemBinaryData } from '../test/helpers/binaryData';
import { runWorkflow } from '../test/helpers/workflow';
import { NODE_NAME, benchCredential, recordWorkflow } from './recordParts';

async function main() {
	const [mode, url, fileFormat = 'jsonl'] = process.argv.slice(2);
	const dir = mkdtempSync(join(tmpdir(), 'wechat-cs-bench-bin-'));
	if (mode === 'file') await useFilesystemBinaryData(dir);
	const baseRss = process.memoryUsage().rss;
	let heap = 0;
	const sample = () => {
		heap = Math.max(heap, process.memoryUsage().heapUsed);
	};
	const timer = setInterval(sample, 5);
	const wf = recordWorkflow(mode === 'file' ? { output: 'file', fileFormat } : {});
	const result = await runWorkflow(wf, benchCredential(url));
	sample();
	clearInterval(timer);
	if (result.error) throw result.error;
	const items = result.output(NODE_NAME);
	const records = mode === 'file' ? Number(items[0].json.records) : items.length;
	const mb = (bytes: number) => Math.round(bytes / 1e6);
	process.stdout.write(
		`${JSON.stringify({ records, rssMB: mb(process.resourceUsage().maxRSS * 1024), heapMB: mb(heap), baseRssMB: mb(baseRss) })}\n`,
	);
	rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
