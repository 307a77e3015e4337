// @ts-check
'use strict';
/**
 * The WeChat Customer Service Trigger through n8n's real HTTP server (../trigger/): URL verification, plain and
 * safe-mode pushes, transfer, dedup, forgeries with no execution, the panel screenshot (2.x), in n8n 2.x and 1.x;
 * and n8n's stuck shared XML parser reproduced on a throwaway n8n. Each runs its own n8n and sandbox; its steps
 * become the check's detail lines, and any failing step fails the check.
 */
const { withTriggerInstance } = require('../trigger/instance');
const { panel } = require('../trigger/panel');
const { STEPS } = require('../trigger/steps');
const { xmlParserHang, SkipStep } = require('../trigger/xmlParserHang');

/**
 * @typedef {import('..').E2eContext} E2eContext
 * @typedef {import('../trigger/steps').TriggerStep} TriggerStep
 */

/**
 * Runs `steps` in order on a fresh trigger instance of runtime `rt`.
 * @param {E2eContext} ctx @param {import('../../lib/n8nProcess').Runtime} rt @param {string} instanceName @param {TriggerStep[]} steps
 */
async function runSteps(ctx, rt, instanceName, steps) {
	/** @type {string[]} */
	const lines = [];
	let failed = 0;
	let skipped = '';
	const state = { expected: 0 };
	await withTriggerInstance(rt, instanceName, ctx, async (t) => {
		for (const step of steps) {
			const name = `[n8n ${rt.n8nVersion}] ${step.name}`;
			try {
				const detail = await step.run(t, state);
				lines.push(`ok    ${name}${detail ? `: ${detail}` : ''}`);
			} catch (e) {
				if (e instanceof SkipStep) {
					skipped = e.message;
					lines.push(`ok    ${name}`);
					continue;
				}
				failed++;
				lines.push(`FAIL  ${name}: ${(e && (e.stack || e.message)) || e}`);
			}
		}
	});
	if (failed) return { fail: lines.join('\n') };
	if (skipped) return { skip: `${skipped}\n${lines.join('\n')}` };
	return lines.join('\n');
}

/** @type {import('..').E2eCheck[]} */
module.exports = [
	{
		name: 'trigger in n8n 2.x: verification, plain and safe-mode pushes, transfer, dedup, forgeries without executions, panel',
		run: async (ctx) => await runSteps(ctx, ctx.rt, 'trigger', ctx.flag('--skip-browser') ? STEPS : [...STEPS, panel]),
	},
	{
		name: 'trigger in n8n 1.x: verification, plain and safe-mode pushes, transfer, dedup, forgeries without executions',
		skipFlag: '--skip-1x',
		run: async (ctx) => await runSteps(ctx, await ctx.runtime1x(), 'trigger', STEPS),
	},
	{
		name: "n8n's shared XML parser gets stuck (upstream bug, throwaway n8n 2.x); application/octet-stream bypasses it",
		run: async (ctx) => await runSteps(ctx, ctx.rt, 'xml-hang', [xmlParserHang]),
	},
];
