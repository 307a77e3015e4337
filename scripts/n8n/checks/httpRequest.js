'use strict';
/**
 * n8n's own HTTP Request node with the WeChat credential (Predefined Credential Type, example 08): the call to
 * https://api.weixin.qq.com/cgi-bin/customservice/getkflist reaches the sandbox with a valid access_token from the
 * node's token cache (one token request for it and a later WeChat Customer Service run), and the token appears
 * nowhere in the execution.
 */
const HTTP_WORKFLOW = 'wcsExHttpToken01';
const NODE_WORKFLOW = 'wcsExAgents000001';

module.exports = {
	name: 'HTTP Request node: the credential adds the managed access_token',
	needs: 'n8n',
	async run(ctx) {
		const { rest } = await ctx.n8n();
		if (!rest.cookie) await rest.ownerSession(); // signed in already when an earlier check ran
		const sb = await ctx.restartSandbox();
		sb.clearRequests();
		const http = await rest.runWorkflow(HTTP_WORKFLOW);
		if (http.status !== 'success') throw new Error(`the HTTP Request workflow ended ${http.status}: ${JSON.stringify(http.execution).slice(0, 1500)}`);
		const calls = sb.requestsTo('/cgi-bin/customservice/getkflist');
		if (calls.length !== 1) throw new Error(`expected 1 getkflist call, the sandbox saw ${calls.length}`);
		const token = calls[0].query.access_token;
		if (!token) throw new Error('the getkflist call carried no access_token');
		const text = JSON.stringify(http.execution);
		if (!text.includes('alice@sandbox_oa')) throw new Error('the HTTP Request output does not list the sandbox agents');
		if (text.includes(token)) throw new Error('the access_token appears in the execution data');
		const node = await rest.runWorkflow(NODE_WORKFLOW);
		if (node.status !== 'success') throw new Error(`the node workflow ended ${node.status}`);
		const tokens = sb.tokenRequests().length;
		if (tokens !== 1) throw new Error(`expected 1 token request for the HTTP Request node and the node together, the sandbox saw ${tokens}`);
		const later = sb.requestsTo('/cgi-bin/customservice/getkflist')[1];
		if (!later || later.query.access_token !== token) throw new Error('the node did not reuse the token the HTTP Request node got');
		return `execution ${http.executionId}: getkflist with the cached token, 1 token request shared with the node, token not in the execution`;
	},
};
