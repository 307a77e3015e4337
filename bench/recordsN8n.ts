// Record → Get Many in a real n8n 2.41.1 (`n8n execute`): wall time and the n8n process's peak
// RSS for 300k records, items mode vs file mode (n8n 2.x stores binary data on disk by default).
// Skips with a message when the runtime is not installed (`node scripts/n8n/runtime.js 2`).
// Run: npm run build && npx tsc -p tsconfig.dev.json && node build-dev/bench/recordsN8n.js [records] [rounds]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { recordWorkflow, repoRoot, startFastServer } from './recordParts';

const ROOT = repoRoot();

/* eslint-disable @typescript-eslint/no-require-imports -- the n8n harness is plain CommonJS */
const runtime = require(join(ROOT, 'scripts', 'n8n', 'runtime')) as {
	runtimes(): Record<string, { n8nVersion: string; n8nBin: string; nodeBin: string; stamp: string }>;
	n8nEnv(rt: unknown, userFolder: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
};
const instance = require(join(ROOT, 'scripts', 'n8n', 'instance')) as {
	CREDENTIAL: { id: string; name: string };
	prepareUserFolder(rt: unknown, userFolder: string, o: { sandboxUrl: string; workflows: string[] }): Promise<unknown>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const RECORDS = Number(process.argv[2] ?? 300000);
const ROUNDS = Number(process.argv[3] ?? 2);

interface Outcome {
	seconds: number;
	peakRssMB: number;
	code: number;
	tail: string;
}

/** `n8n execute --id=…` with the peak-RSS preload; stdout (the whole run for items mode) is drained, its tail kept. */
async function execute(rt: unknown, userFolder: string, id: string, rssDir: string): Promise<Outcome> {
	const { n8nBin, nodeBin } = rt as { n8nBin: string; nodeBin: string };
	const env = runtime.n8nEnv(rt, userFolder, { WECHAT_CS_BENCH_RSS_DIR: rssDir, N8N_LOG_LEVEL: 'warn' });
	env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'peakRss.js')}`.trim();
	const started = performance.now();
	const child = spawn(nodeBin, [n8nBin, 'execute', `--id=${id}`], { env, cwd: userFolder, stdio: ['ignore', 'pipe', 'pipe'] });
	let tail = '';
	const keep = (d: Buffer) => {
		tail = (tail + d.toString('utf8')).slice(-4000);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
	const seconds = (performance.now() - started) / 1000;
	const rssFile = join(rssDir, `${child.pid}.json`);
	const peakRssMB = existsSync(rssFile) ? Math.round((JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKB: number }).maxRssKB / 1024) : NaN;
	return { seconds, peakRssMB, code, tail };
}

async function main() {
	const rt = runtime.runtimes()['2'];
	if (!existsSync(rt.stamp) || !existsSync(rt.n8nBin)) {
		console.log(`real n8n: skipped, n8n ${rt.n8nVersion} is not installed (node scripts/n8n/runtime.js 2 installs it)`);
		return;
	}
	if (!existsSync(join(ROOT, 'dist'))) {
		console.log('real n8n: skipped, dist/ is missing (npm run build)');
		return;
	}
	const work = mkdtempSync(join(tmpdir(), 'wechat-cs-bench-n8n-'));
	const server = await startFastServer(RECORDS);
	try {
		const userFolder = join(work, 'user');
		const wfDir = join(work, 'workflows');
		mkdirSync(wfDir, { recursive: true });
		const modes = [
			// n8n's own start-up and shut-down, for scale: the same node reading one record.
			{ id: 'benchRecordLimit1', label: 'baseline: Limit 1 (n8n start-up)', extra: { returnAll: false, limit: 1 } },
			{ id: 'benchRecordItems1', label: 'items', extra: {} },
			{ id: 'benchRecordFile01', label: 'file (jsonl)', extra: { output: 'file' } },
		];
		const files = modes.map((m) => {
			const wf = { ...recordWorkflow(m.extra, instance.CREDENTIAL), id: m.id, name: `bench ${m.label}`, active: false };
			const file = join(wfDir, `${m.id}.json`);
			writeFileSync(file, JSON.stringify(wf));
			return file;
		});
		await instance.prepareUserFolder(rt, userFolder, { sandboxUrl: server.url, workflows: files });
		const rssDir = join(work, 'rss');
		mkdirSync(rssDir);
		console.log(`real n8n ${rt.n8nVersion}, n8n execute, ${RECORDS.toLocaleString('en-US')} records, load ${loadavg()[0].toFixed(2)}`);
		const results = new Map<string, Outcome[]>(modes.map((m) => [m.label, []]));
		for (let r = 0; r < ROUNDS; r++) {
			for (const m of modes) {
				const before = await server.requests();
				const o = await execute(rt, userFolder, m.id, rssDir);
				if (o.code !== 0) throw new Error(`n8n execute (${m.label}) exited ${o.code}:\n${o.tail}`);
				results.get(m.label)!.push(o);
				console.log(`  ${m.label}: ${o.seconds.toFixed(1)} s, peak RSS ${o.peakRssMB} MB, ${(await server.requests()) - before} requests`);
			}
		}
		console.log('');
		console.log(`| n8n ${rt.n8nVersion}, \`n8n execute\`, ${RECORDS.toLocaleString('en-US')} records | wall time (s) | n8n process peak RSS (MB) |`);
		console.log('| --- | --- | --- |');
		// Every round, not a best-of: on a busy machine the spread is part of the result.
		for (const [label, list] of results) {
			console.log(`| ${label} | ${list.map((o) => o.seconds.toFixed(1)).join(', ')} | ${list.map((o) => o.peakRssMB).join(', ')} |`);
		}
		console.log(`(${ROUNDS} rounds; load after: ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
	} finally {
		server.stop();
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
