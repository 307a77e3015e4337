// @ts-check
'use strict';
/**
 * `n8n start` on the prepared user folder becomes ready (the runner starts it for every check that needs 'n8n').
 * @type {import('..').E2eCheck}
 */
module.exports = {
	name: 'n8n start: ready',
	needs: 'n8n',
	async run(ctx) {
		const n8n = await ctx.n8n();
		return { detail: n8n.url, secs: n8n.readySecs };
	},
};
