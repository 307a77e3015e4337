'use strict';
/** The package loads into the newest n8n 1.x on the system Node and runs one example workflow. */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const { REPO_ROOT, runtimes, n8nCli, parseExecuteOutput, nodeOutput } = require('../runtime');
const { prepareUserFolder, workflowFiles, readJson } = require('../instance');

const WORKFLOW = 'wcsExAgents000001';

/** n8n 1.x may print the raw JSON unwrapped: take the outermost object that starts a line. */
function unwrappedRun(stdout) {
	const i = stdout.search(/^\{/m);
	try {
		return JSON.parse(stdout.slice(i, stdout.lastIndexOf('}') + 1));
	} catch {
		return null;
	}
}

module.exports = {
	name: `n8n 1.x (${runtimes()['1x'].n8nVersion}, system Node ${process.version}): package loads and runs a workflow`,
	skipFlag: '--skip-1x',
	async run(ctx) {
		const t0 = Date.now();
		const rt = await ctx.runtime1x();
		ctx.timings.runtime1xWait = (Date.now() - t0) / 1000;
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-1x-'));
		try {
			const sb = await ctx.restartSandbox();
			const example = workflowFiles(path.join(REPO_ROOT, 'examples')).find((f) => readJson(f).id === WORKFLOW);
			await prepareUserFolder(rt, userFolder, { sandboxUrl: sb.url, workflows: [example] });
			sb.clearRequests();
			const r = await n8nCli(rt, userFolder, ['execute', `--id=${WORKFLOW}`, '--rawOutput'], { N8N_LOG_FORMAT: 'json' });
			fs.writeFileSync(path.join(ctx.artifacts, 'execute-1x.jsonl'), r.stdout + r.stderr);
			const parsed = parseExecuteOutput(r.stdout);
			const result = parsed.run || unwrappedRun(r.stdout);
			if (r.code !== 0 || !result || result.status !== 'success') {
				throw new Error(`n8n ${rt.n8nVersion} execute exited ${r.code}: ${parsed.errorText || r.stdout.slice(-1500)}`);
			}
			const agents = nodeOutput(result, 'All agents');
			const online = nodeOutput(result, 'Online agents');
			if (!agents || agents.length !== sb.state.agents.length) throw new Error(`All agents gave ${agents && agents.length} items`);
			if (!online || online.length !== sb.state.online.size) throw new Error(`Online agents gave ${online && online.length} items`);
			const nodeVersion = spawnSync(rt.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
			return `n8n ${rt.n8nVersion} on Node ${nodeVersion}: ${agents.length} agents, ${online.length} online (execute ${r.secs.toFixed(1)}s)`;
		} finally {
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	},
};
