// @ts-check
'use strict';
const { NODE_TYPE } = require('../../lib/names');

/**
 * The owner can sign in and n8n lists our node type (with its icon) to the editor.
 * @type {import('..').E2eCheck}
 */
module.exports = {
	name: 'n8n start: owner setup and node type listed',
	needs: 'n8n',
	async run(ctx) {
		const { rest, logFile } = await ctx.n8n();
		await rest.ownerSession();
		const types = await rest.call('GET', '/types/nodes.json');
		const ours = (Array.isArray(types) ? types : types.data || []).filter((/** @type {{ name: string, displayName: string, iconUrl?: unknown, icon?: unknown }} */ t) => t.name === NODE_TYPE);
		if (!ours.length) throw new Error(`${NODE_TYPE} is not in /types/nodes.json (check ${logFile})`);
		return `${ours[0].displayName}, icon ${JSON.stringify(ours[0].iconUrl || ours[0].icon)}`;
	},
};
