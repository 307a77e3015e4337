'use strict';
/**
 * The suite's shared n8n ({ url, rest, ... }) with its REST client signed in as the owner. Checks run in any order
 * and with --only, so whichever comes first signs in; the others reuse the cookie.
 */
async function signedInN8n(ctx) {
	const n8n = await ctx.n8n();
	if (!n8n.rest.cookie) await n8n.rest.ownerSession();
	return n8n;
}

module.exports = { signedInN8n };
