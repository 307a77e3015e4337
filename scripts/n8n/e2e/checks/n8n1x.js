// @ts-check
'use strict';
/**
 * The package loads into the newest n8n 1.x on the system Node and runs one example workflow of each node: the
 * Official Account node's agent lists (01) and the WeCom node's daily statistics (09).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const { runtimes } = require('../../runtime');
const { prepareUserFolder, exampleFile } = require('../../instance');
const { executeWorkflow } = require('../../lib/n8nProcess');
const { unwrappedRun, nodeOutput } = require('../../lib/runData');

const WORKFLOW = 'wcsExAgents000001';
const WECOM_WORKFLOW = 'wcomExDailyStats1';

/**
 * Runs one imported workflow with `n8n execute`; its run data, or an error naming the version and what n8n said.
 * @param {import('../../lib/n8nProcess').Runtime} rt @param {string} userFolder @param {string} id @param {string} logFile
 */
async function executeOk(rt, userFolder, id, logFile) {
	const r = await executeWorkflow(rt, userFolder, id, logFile);
	const result = r.run || unwrappedRun(r.stdout);
	if (r.code !== 0 || !result || result.status !== 'success') {
		throw new Error(`n8n ${rt.n8nVersion} execute ${id} exited ${r.code}: ${r.errorText || r.stdout.slice(-1500)}`);
	}
	return { runData: result.data.resultData.runData, secs: r.secs };
}

/** @type {import('..').E2eCheck} */
module.exports = {
	name: `n8n 1.x (${runtimes()['1x'].n8nVersion}, system Node ${process.version}): package loads and runs a workflow of each node (Official Account, WeCom)`,
	skipFlag: '--skip-1x',
	async run(ctx) {
		const t0 = Date.now();
		const rt = await ctx.runtime1x();
		ctx.timings.runtime1xWait = (Date.now() - t0) / 1000;
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-1x-'));
		try {
			const sb = await ctx.restartSandbox();
			await prepareUserFolder(rt, userFolder, { sandboxUrl: sb.url, workflows: [exampleFile(WORKFLOW), exampleFile(WECOM_WORKFLOW)] });
			sb.clearRequests();
			const oa = await executeOk(rt, userFolder, WORKFLOW, path.join(ctx.artifacts, 'execute-1x.jsonl'));
			const agents = nodeOutput(oa.runData, 'All agents');
			const online = nodeOutput(oa.runData, 'Online agents');
			if (!agents || agents.length !== sb.state.agents.length) throw new Error(`All agents gave ${agents && agents.length} items`);
			if (!online || online.length !== sb.state.online.size) throw new Error(`Online agents gave ${online && online.length} items`);
			sb.clearRequests();
			const wecom = await executeOk(rt, userFolder, WECOM_WORKFLOW, path.join(ctx.artifacts, 'execute-1x-wecom.jsonl'));
			const rows = nodeOutput(wecom.runData, 'One row per day') || [];
			const asked = sb.requestsTo('/cgi-bin/kf/get_corp_statistic').map((r) => JSON.stringify(r.json));
			const yesterday = Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())}T00:00:00+08:00`) / 1000 - 86400;
			const expected = JSON.stringify({ open_kfid: 'wkAfterSalesDemo0000000000000000', start_time: yesterday, end_time: yesterday });
			if (asked.length !== 1 || asked[0] !== expected) throw new Error(`the WeCom node asked get_corp_statistic ${asked.join(', ') || 'never'}, expected once ${expected}`);
			if (rows.length !== 1 || typeof rows[0].Sessions !== 'number') throw new Error(`"One row per day" gave ${JSON.stringify(rows)}`);
			const nodeVersion = spawnSync(rt.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
			return `n8n ${rt.n8nVersion} on Node ${nodeVersion}: ${agents.length} agents, ${online.length} online (execute ${oa.secs.toFixed(1)}s); WeCom: yesterday's row, ${rows[0].Sessions} sessions (execute ${wecom.secs.toFixed(1)}s)`;
		} finally {
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	},
};
