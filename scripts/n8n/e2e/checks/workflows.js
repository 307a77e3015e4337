// @ts-check
'use strict';
/**
 * One check per entry of test-e2e/expectations.js: the workflow runs with `n8n execute --id` against a freshly
 * seeded sandbox and the entry asserts the outputs and the sandbox's requests. Skipped (a failure under
 * E2E_STRICT=1) while the built node does not offer an operation the workflow uses.
 */
const path = require('path');

const { readJson } = require('../../instance');
const { usedOperations, notOffered } = require('../builtNodes');
const { executeWorkflow } = require('../../lib/n8nProcess');
const { nodeOutput, firstItem } = require('../../lib/runData');
const EXPECTATIONS = require('../../../../test-e2e/expectations');

/**
 * @typedef {import('..').E2eContext} E2eContext
 * @typedef {import('../../../../test-e2e/expectations').WorkflowExpectation} WorkflowExpectation
 */

/** @param {E2eContext} ctx @param {WorkflowExpectation} entry @param {string[]} used */
async function execute(ctx, entry, used) {
	const sb = await ctx.restartSandbox();
	if (entry.setup) await entry.setup(sb);
	sb.clearRequests();
	const logName = `execute-${entry.workflow}.jsonl`;
	const r = await executeWorkflow(ctx.rt, ctx.userFolder, entry.workflow, path.join(ctx.artifacts, logName));
	const { run: result, errorText } = r;
	const expected = entry.exitCode === undefined ? 0 : entry.exitCode;
	if (r.code !== expected) {
		const why = errorText || (result && JSON.stringify(result.data.resultData.error)) || r.stdout.slice(-1500);
		throw new Error(`n8n execute exited ${r.code}, expected ${expected} (log: .e2e-artifacts/${logName})\n${why}`);
	}
	if (expected === 0 && (!result || result.status !== 'success')) {
		throw new Error(`execution status ${result && result.status}: ${result && JSON.stringify(result.data.resultData.error)}`);
	}
	const runData = result ? result.data.resultData.runData : undefined;
	await entry.assert({
		run: result,
		out: (node, outputIndex = 0) => /** @type {any[]} */ (nodeOutput(runData, node, outputIndex)),
		binary: (node) => firstItem(runData, node)?.binary,
		sb,
		stdout: r.stdout,
		errorText,
	});
	for (const u of used) ctx.covered.add(u);
	return `n8n execute ${r.secs.toFixed(1)}s, ${sb.requests.length} sandbox requests`;
}

/** @param {E2eContext} ctx @returns {import('..').E2eCheck[]} */
module.exports = (ctx) => {
	if (ctx.flag('--skip-workflows')) return [];
	const byId = new Map(ctx.workflows.map((f) => [readJson(f).id, readJson(f)]));
	return EXPECTATIONS.map((entry) => ({
		name: `workflow: ${entry.name}`,
		async run() {
			const wf = byId.get(entry.workflow);
			if (!wf) throw new Error(`workflow ${entry.workflow} is not in examples/ or test-e2e/workflows/`);
			const used = usedOperations(wf, ctx.builtNodes);
			const missing = notOffered(used, ctx.builtNodes).map((key) => key.split(' ')[1]);
			if (missing.length) return { skip: `the built node does not offer ${[...new Set(missing)].join(', ')} yet` };
			return await execute(ctx, entry, used);
		},
	}));
};
