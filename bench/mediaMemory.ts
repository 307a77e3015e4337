// Memory of Media → Download of a 10 MB video (WeChat's limit) through WorkflowExecute, in n8n's
// default binary mode (the file ends up base64 on the item) and in filesystem mode (streamed to
// disk), each in its own process, beside a baseline process that does everything but the download.
// Usage: node build-dev/bench/mediaMemory.js   (prints one line per mode)
import './setup-env';

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../sandbox';
import { useFilesystemBinaryData } from '../test/helpers/binaryData';
import { sampleFile, withInputs } from '../test/helpers/mediaFiles';
import { sandboxCredential } from '../test/helpers/sandbox';
import { runWorkflow, type WorkflowJson } from '../test/helpers/workflow';

const MB = 1024 * 1024;
const MODES = ['baseline', 'default', 'filesystem'] as const;

/** The jest fixture, read from the source tree (this file runs from build-dev/bench/). */
function fixture(name: string): WorkflowJson {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', name), 'utf8')) as WorkflowJson;
}

async function child(mode: (typeof MODES)[number], size: number): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'wechat-cs-bench-media-'));
	if (mode === 'filesystem') await useFilesystemBinaryData(dir);
	const sb = await startSandbox({ seed: 'demo' });
	// Beyond WeChat's 10 MB only to show how memory scales: stored past the upload checks.
	const media = sb.state.media.add('video', sampleFile('mp4', 1000), sb.clock.now());
	media.bytes = sampleFile('mp4', size);
	const wf = withInputs(fixture('media-download.workflow.json'), [{ json: { mediaId: mode === 'baseline' ? '' : media.media_id } }]);
	global.gc?.();
	const base = process.memoryUsage();
	let heap = base.heapUsed;
	let external = base.external + base.arrayBuffers;
	const timer = setInterval(() => {
		const m = process.memoryUsage();
		heap = Math.max(heap, m.heapUsed);
		external = Math.max(external, m.external + m.arrayBuffers);
	}, 2);
	const started = Date.now();
	const result = await runWorkflow(wf, sandboxCredential(sb));
	const ms = Date.now() - started;
	clearInterval(timer);
	global.gc?.();
	const after = process.memoryUsage();
	const retained = after.heapUsed + after.external + after.arrayBuffers - (base.heapUsed + base.external + base.arrayBuffers);
	const item = result.output('Download Media')[0];
	if (mode !== 'baseline' && item?.json.file_size !== size) throw new Error(`download failed: ${JSON.stringify(result.json('Download Media', 1))}`);
	const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;
	process.stdout.write(
		`${JSON.stringify({ mode, ms, retainedMB: mb(retained), heapGrowthMB: mb(heap - base.heapUsed), bufferGrowthMB: mb(external - base.external - base.arrayBuffers), peakRssMB: mb(process.resourceUsage().maxRSS * 1024) })}\n`,
	);
	await sb.stop();
	rmSync(dir, { recursive: true, force: true });
}

function parent(): void {
	// 20 MB: the node's cap for a download (twice WeChat's 10 MB); anything longer is cut there.
	for (const size of [10 * MB, 20 * MB]) {
		console.log(`Media → Download of a ${size} byte video (the sandbox in the same process holds it once in every run):`);
		for (const mode of MODES) {
			const out = execFileSync(process.execPath, ['--expose-gc', __filename, mode, String(size)], { encoding: 'utf8' });
			const r = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number | string>;
			console.log(
				`  ${String(r.mode).padEnd(10)} peak RSS ${r.peakRssMB} MB, held after the run ${r.retainedMB} MB, peak heap +${r.heapGrowthMB} MB, buffers +${r.bufferGrowthMB} MB, ${r.ms} ms`,
			);
		}
	}
}

const mode = process.argv[2] as (typeof MODES)[number] | undefined;
if (mode) {
	child(mode, Number(process.argv[3])).catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
} else {
	parent();
}
