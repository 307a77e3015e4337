// @ts-check
'use strict';
const { operationKey } = require('../builtNodes');

/**
 * Last: one result per resource each built action node offers (the Official Account node and the WeCom node),
 * passing when some passing workflow check used it.
 * @param {import('..').E2eContext} ctx @returns {import('..').E2eCheck[]}
 */
module.exports = (ctx) =>
	ctx.flag('--skip-workflows')
		? []
		: ctx.builtNodes.flatMap((node) =>
				[...node.offered].map(([resource, ops]) => ({
					name: `coverage: ${node.label}resource "${resource}" runs in real n8n`,
					async run() {
						const done = [...ops].filter((o) => ctx.covered.has(operationKey(node.type, resource, o)));
						const left = [...ops].filter((o) => !done.includes(o));
						if (!done.length) return { fail: `no passing e2e check uses ${node.label}resource "${resource}" (operations: ${[...ops].join(', ')})` };
						return `${done.join(', ')}${left.length ? `; not exercised: ${left.join(', ')}` : ''}`;
					},
				})),
			);
