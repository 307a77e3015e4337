// @ts-check
'use strict';
/** The package loads into the newest n8n 1.x on the system Node and runs one example workflow. */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const { runtimes } = require('../../runtime');
const { prepareUserFolder, exampleFile } = require('../../instance');
const { executeWorkflow } = require('../../lib/n8nProcess');
const { unwrappedRun, nodeOutput } = require('../../lib/runData');

const WORKFLOW = 'wcsExAgents000001';

/** @type {import('..').E2eCheck} */
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
			const example = exampleFile(WORKFLOW);
			await prepareUserFolder(rt, userFolder, { sandboxUrl: sb.url, workflows: [example] });
			sb.clearRequests();
			const r = await executeWorkflow(rt, userFolder, WORKFLOW, path.join(ctx.artifacts, 'execute-1x.jsonl'));
			const result = r.run || unwrappedRun(r.stdout);
			if (r.code !== 0 || !result || result.status !== 'success') {
				throw new Error(`n8n ${rt.n8nVersion} execute exited ${r.code}: ${r.errorText || r.stdout.slice(-1500)}`);
			}
			const agents = nodeOutput(result.data.resultData.runData, 'All agents');
			const online = nodeOutput(result.data.resultData.runData, 'Online agents');
			if (!agents || agents.length !== sb.state.agents.length) throw new Error(`All agents gave ${agents && agents.length} items`);
			if (!online || online.length !== sb.state.online.size) throw new Error(`Online agents gave ${online && online.length} items`);
			const nodeVersion = spawnSync(rt.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
			return `n8n ${rt.n8nVersion} on Node ${nodeVersion}: ${agents.length} agents, ${online.length} online (execute ${r.secs.toFixed(1)}s)`;
		} finally {
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	},
};
