// @ts-check
'use strict';
/**
 * n8n's own HTTP Request node with the WeChat credential (Predefined Credential Type, example 08): the call to
 * https://api.weixin.qq.com/cgi-bin/customservice/getkflist reaches the sandbox with the access_token the
 * WeChat Customer Service node cached (one token request for both), and the token appears nowhere in the execution.
 */
const HTTP_WORKFLOW = 'wcsExHttpToken01';
const NODE_WORKFLOW = 'wcsExAgents000001';

/** @type {import('..').E2eCheck} */
module.exports = {
	name: 'HTTP Request node: the credential adds the managed access_token',
	needs: 'n8n',
	async run(ctx) {
		const { rest } = await ctx.signedInN8n();
		const sb = await ctx.restartSandbox();
		sb.clearRequests();
		// The node runs first: whatever token an earlier check left in n8n's cache is unknown to this fresh sandbox,
		// so the node refreshes it (or fetches one on a cold cache) — one token request either way.
		const node = await rest.runWorkflow(NODE_WORKFLOW);
		if (node.status !== 'success') throw new Error(`the node workflow ended ${node.status}`);
		const nodeCall = sb.requestsTo('/cgi-bin/customservice/getkflist').at(-1);
		const token = nodeCall && nodeCall.query.access_token;
		if (!token) throw new Error('the node made no getkflist call with an access_token');
		const http = await rest.runWorkflow(HTTP_WORKFLOW);
		if (http.status !== 'success') throw new Error(`the HTTP Request workflow ended ${http.status}: ${JSON.stringify(http.execution).slice(0, 1500)}`);
		const calls = sb.requestsTo('/cgi-bin/customservice/getkflist');
		const httpCall = calls.at(-1);
		if (!httpCall || httpCall === nodeCall) throw new Error('the HTTP Request node made no getkflist call');
		if (httpCall.query.access_token !== token) throw new Error('the HTTP Request node did not use the token the node cached');
		const text = JSON.stringify(http.execution);
		if (!text.includes('alice@sandbox_oa')) throw new Error(`the HTTP Request output does not list the sandbox agents: ${text.slice(0, 1500)}`);
		if (text.includes(token)) throw new Error('the access_token appears in the execution data');
		const tokens = sb.tokenRequests().length;
		if (tokens !== 1) throw new Error(`expected 1 token request for the node and the HTTP Request node together, the sandbox saw ${tokens}`);
		return `execution ${http.executionId}: getkflist with the token the node cached, 1 token request for both, token not in the execution`;
	},
};
