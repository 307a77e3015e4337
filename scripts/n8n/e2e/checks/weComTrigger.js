// @ts-check
'use strict';
/**
 * The WeCom Customer Service Trigger through n8n's real HTTP server (../weComTrigger/), in n8n 2.x and 1.x: URL
 * verification, examples 10 and 11 called back, 10 customers × 50 messages over overlapping and retried
 * callbacks → 500 items each once, an expired callback Token, forgeries without a pull or an execution, n8n
 * restarted between two callbacks, and `startFrom` on 3 days of history. Each runtime gets its own n8n and
 * sandbox; the steps become the check's detail lines, and any failing step fails the check.
 */
const { EXAMPLE_STEPS } = require('../weComTrigger/examples');
const { forgeries } = require('../weComTrigger/forgeries');
const { withWeComTriggerInstance } = require('../weComTrigger/instance');
const { LIFECYCLE, seedHistory } = require('../weComTrigger/lifecycle');
const { STEPS } = require('../weComTrigger/steps');

/** @typedef {import('..').E2eContext} E2eContext */

const [verification, fiveHundred, expiredToken] = STEPS;
/** Examples first: they pull the after-sales account before the 500 messages are written to it. */
const ALL_STEPS = [verification, ...EXAMPLE_STEPS, fiveHundred, expiredToken, forgeries, ...LIFECYCLE];

/** A step that hangs fails after `minutes` instead of stalling the suite. @template T @param {number} minutes @param {Promise<T>} work */
function withinMinutes(minutes, work) {
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	const late = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`still running after ${minutes} minutes`)), minutes * 60000);
	});
	return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Runs every step in order on a fresh WeCom trigger instance of runtime `rt`. @param {E2eContext} ctx @param {import('../../lib/n8nProcess').Runtime} rt */
async function runWeComSteps(ctx, rt) {
	/** @type {string[]} */
	const lines = [];
	let failed = false;
	await withWeComTriggerInstance(rt, ctx, seedHistory, async (t) => {
		/** @type {import('../weComTrigger/observe').StepState} */
		const state = { lastExecution: {}, earlier: [] };
		for (const step of ALL_STEPS) {
			const name = `[n8n ${rt.n8nVersion}] ${step.name}`;
			console.log(`      … ${name.slice(0, 100)}`);
			const detail = await withinMinutes(5, step.run(t, state)).then(
				(d) => `ok    ${name}: ${d}`,
				(e) => ((failed = true), `FAIL  ${name}: ${(e && (e.stack || e.message)) || e}`),
			);
			lines.push(detail);
		}
	});
	return failed ? { fail: lines.join('\n') } : lines.join('\n');
}

/** @type {import('..').E2eCheck[]} */
module.exports = [
	{
		name: 'WeCom trigger in n8n 2.x: verification, examples 10 and 11, 500 messages each once, expired Token, forgeries, restart, startFrom',
		run: async (ctx) => await runWeComSteps(ctx, ctx.rt),
	},
	{
		name: 'WeCom trigger in n8n 1.x: verification, examples 10 and 11, 500 messages each once, expired Token, forgeries, restart, startFrom',
		skipFlag: '--skip-1x',
		run: async (ctx) => await runWeComSteps(ctx, await ctx.runtime1x()),
	},
];
