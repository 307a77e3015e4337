// @ts-check
'use strict';
/** Under one `n8n start`, executions share the cached access token: two runs, one token request. */
const WORKFLOW = 'wcsExAgents000001';

/** @type {import('..').E2eCheck} */
module.exports = {
	name: 'token reuse: two REST runs under n8n start make one token request',
	needs: 'n8n',
	async run(ctx) {
		const { rest } = await ctx.signedInN8n();
		const sb = await ctx.restartSandbox();
		sb.clearRequests();
		const a = await rest.runWorkflow(WORKFLOW);
		const b = await rest.runWorkflow(WORKFLOW);
		if (a.status !== 'success' || b.status !== 'success') throw new Error(`runs ended ${a.status} / ${b.status}`);
		const tokens = sb.tokenRequests().length;
		const kf = sb.requests.length - tokens;
		if (tokens !== 1) throw new Error(`expected exactly 1 token request for 2 runs, the sandbox saw ${tokens}`);
		if (kf !== 4) throw new Error(`expected 4 kf API calls (2 nodes × 2 runs), the sandbox saw ${kf}`);
		return `executions ${a.executionId} and ${b.executionId}: 1 token request, ${kf} API calls`;
	},
};
