// @ts-check
'use strict';
/**
 * `npm run test:e2e` (node scripts/n8n/runner.js e2e): the package in a real n8n. The checks are one file each
 * under checks/, run in the order of checks/index.js: setup (user folder), one check per workflow of
 * test-e2e/expectations.js, `n8n start` (ready, node type listed, token reuse, the editor in headless Chromium),
 * `npm start` itself, the trigger in n8n 2.x and 1.x, n8n 1.x on the system Node, and coverage (every resource the
 * built node offers ran in a passing check).
 *
 * Options:  --no-build  --skip-workflows  --skip-browser  --skip-1x  --update-screenshot (copy to docs/)
 *           --only=<text>  run just the checks whose name contains <text> (the setup always runs), e.g.
 *                          npm run test:e2e -- --no-build --only="token reuse"
 *                          npm run test:e2e -- --no-build --only="trigger in n8n 2.x"
 *                          npm run test:e2e -- --no-build --only="shared XML parser"   (n8n's stuck parser alone)
 * Env:      WECHAT_CS_N8N_CACHE (cache folder), E2E_STRICT=1 (skips count as failures), CHROMIUM_PATH,
 *           E2E_KEEP_USER_FOLDER=1
 * Output:   logs and screenshots in .e2e-artifacts/; the last line is "e2e: N passed, N failed".
 *
 * Adding a check: create checks/<name>.js and list it in checks/index.js. A check module exports an E2eCheck
 * (below) or a function (ctx) => [E2eCheck] when the list depends on the build (see checks/workflows.js).
 */
const fs = require('fs');

const { ensureRuntime } = require('../runtime');
const { buildPackage } = require('../instance');
const { createContext } = require('./context');
const CHECKS = require('./checks');

/**
 * @typedef {import('../runner').Runner} Runner
 * @typedef {import('../runner').CheckOutcome} CheckOutcome
 * @typedef {import('./context').E2eContext} E2eContext
 * @typedef {E2eCheck | ((ctx: E2eContext) => E2eCheck[])} E2eCheckEntry
 */

/**
 * @typedef {object} E2eCheck
 * @property {string | ((ctx: E2eContext) => string)} name
 * @property {'n8n'} [needs]  runs while the shared `n8n start` is up (started on first need, stopped before the
 *   next check that does not need it)
 * @property {string} [skipFlag]  the option that skips it (a failure under E2E_STRICT=1)
 * @property {boolean} [always]  runs even with --only
 * @property {(ctx: E2eContext) => Promise<CheckOutcome>} run  a detail line, { skip }, { fail } or { detail, secs };
 *   throwing fails the check
 */

/** @param {Runner} runner @param {E2eContext} ctx @param {E2eCheck} check */
async function runCheck(runner, ctx, check) {
	const name = typeof check.name === 'function' ? check.name(ctx) : check.name;
	if (runner.only && !check.always && !name.includes(runner.only)) return;
	if (check.needs !== 'n8n') await ctx.stopN8n();
	await runner.check(name, () => check.run(ctx), { skipFlag: check.skipFlag });
}

/** @param {Runner} runner */
async function run(runner) {
	fs.mkdirSync(runner.artifacts, { recursive: true });
	if (!runner.flag('--no-build')) {
		const t0 = Date.now();
		await buildPackage({ quiet: true });
		runner.timings.build = (Date.now() - t0) / 1000;
	}
	const t0 = Date.now();
	// On a cold cache the 1.x runtime installs alongside 2.x (two npm ci's and two sqlite3 compiles overlap well on
	// 2 cores); the 1.x checks await it near the end.
	const early1x = runner.flag('--skip-1x') || runner.only ? null : ensureRuntime('1x');
	if (early1x) early1x.catch(/** @returns {undefined} */ () => undefined);
	const rt = await ensureRuntime('2');
	runner.timings.runtime2 = (Date.now() - t0) / 1000;
	const ctx = await createContext(rt, runner, early1x);
	let ok = false;
	runner.onStop('the user folder', () => {
		if (ok && !process.env.E2E_KEEP_USER_FOLDER) fs.rmSync(ctx.userFolder, { recursive: true, force: true });
		else console.log(`[e2e] user folder kept: ${ctx.userFolder}`);
	});
	runner.onStop('n8n and the sandbox', () => ctx.close());
	for (const entry of /** @type {E2eCheckEntry[]} */ (CHECKS)) {
		for (const check of typeof entry === 'function' ? entry(ctx) : [entry]) await runCheck(runner, ctx, check);
	}
	ok = true;
}

module.exports = { name: 'e2e', run };
