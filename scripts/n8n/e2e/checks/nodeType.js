// @ts-check
'use strict';
const { NODE_TYPE, WECOM_NODE_TYPE } = require('../../lib/names');

/**
 * The owner can sign in and n8n lists our action node types, Official Account and WeCom (with their icons), to the editor.
 * @type {import('..').E2eCheck}
 */
module.exports = {
	name: 'n8n start: owner setup and node types listed',
	needs: 'n8n',
	async run(ctx) {
		const { rest, logFile } = await ctx.n8n();
		await rest.ownerSession();
		const types = await rest.call('GET', '/types/nodes.json');
		/** @type {{ name: string, displayName: string, iconUrl?: unknown, icon?: unknown }[]} */
		const listed = Array.isArray(types) ? types : types.data || [];
		return [NODE_TYPE, WECOM_NODE_TYPE]
			.map((type) => {
				const ours = listed.find((t) => t.name === type);
				if (!ours) throw new Error(`${type} is not in /types/nodes.json (check ${logFile})`);
				return `${ours.displayName}, icon ${JSON.stringify(ours.iconUrl || ours.icon)}`;
			})
			.join('; ');
	},
};
