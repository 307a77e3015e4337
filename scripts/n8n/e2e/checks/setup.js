// @ts-check
'use strict';
/**
 * First: the user folder every later check uses (package, demo credential, all example and e2e workflows).
 * @type {import('..').E2eCheck}
 */
module.exports = {
	name: (ctx) => `setup: n8n ${ctx.rt.n8nVersion} user folder with the package, credential and ${ctx.workflows.length} workflows`,
	always: true,
	async run(ctx) {
		const prep = await ctx.prepareUserFolder();
		return `import:credentials ${prep.importCredentials.toFixed(1)}s, import:workflow ${prep.importWorkflows.toFixed(1)}s`;
	},
};
