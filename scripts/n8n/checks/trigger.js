'use strict';
/**
 * The WeChat Customer Service Trigger through n8n's real HTTP server (scripts/n8n/trigger-e2e.js): URL verification,
 * plain and safe-mode pushes, transfer, dedup, forgeries with no execution, the panel screenshot (2.x), in n8n 2.x
 * and 1.x; and n8n's stuck shared XML parser reproduced on a throwaway n8n. Each runs its own n8n and sandbox.
 */
const { runTriggerChecks, runXmlParserHangCheck } = require('../trigger-e2e');

/** Runs one of trigger-e2e's groups; its sub-checks become the detail lines, any failure fails the check. */
async function group(ctx, rt, fn) {
	const lines = [];
	let failed = 0;
	let skipped = '';
	await fn(rt, async (name, sub) => {
		try {
			const detail = await sub();
			if (detail && detail.skip) skipped = detail.skip;
			lines.push(`ok    ${name}${detail && !detail.skip ? `: ${detail}` : ''}`);
		} catch (e) {
			failed++;
			lines.push(`FAIL  ${name}: ${(e && (e.stack || e.message)) || e}`);
		}
	}, { artifacts: ctx.artifacts, skipBrowser: ctx.flag('--skip-browser'), updateScreenshot: ctx.flag('--update-screenshot') });
	if (failed) return { fail: lines.join('\n') };
	if (skipped) return { skip: `${skipped}\n${lines.join('\n')}` };
	return lines.join('\n');
}

module.exports = () => [
	{
		name: 'trigger in n8n 2.x: verification, plain and safe-mode pushes, transfer, dedup, forgeries without executions, panel',
		run: async (ctx) => await group(ctx, ctx.rt, runTriggerChecks),
	},
	{
		name: 'trigger in n8n 1.x: verification, plain and safe-mode pushes, transfer, dedup, forgeries without executions',
		skipFlag: '--skip-1x',
		run: async (ctx) => await group(ctx, await ctx.runtime1x(), runTriggerChecks),
	},
	{
		name: "n8n's shared XML parser gets stuck (upstream bug, throwaway n8n 2.x); application/octet-stream bypasses it",
		run: async (ctx) => await group(ctx, ctx.rt, runXmlParserHangCheck),
	},
];
