// @ts-check
'use strict';
/**
 * Last: one result per resource the built node offers, passing when some passing workflow check used it.
 * @param {import('..').E2eContext} ctx @returns {import('..').E2eCheck[]}
 */
module.exports = (ctx) =>
	ctx.flag('--skip-workflows')
		? []
		: [...ctx.offered].map(([resource, ops]) => ({
				name: `coverage: resource "${resource}" runs in real n8n`,
				async run() {
					const done = [...ops].filter((o) => ctx.covered.has(`${resource}.${o}`));
					const left = [...ops].filter((o) => !done.includes(o));
					if (!done.length) return { fail: `no passing e2e check uses resource "${resource}" (operations: ${[...ops].join(', ')})` };
					return `${done.join(', ')}${left.length ? `; not exercised: ${left.join(', ')}` : ''}`;
				},
			}));
