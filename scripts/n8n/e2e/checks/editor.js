// @ts-check
'use strict';
/**
 * The editor in headless Chromium: sign in, the node and its icon on the canvas, Resource/Operation in its panel,
 * "Execute step" lists the sandbox's agents, every example opens with all its nodes known, nothing is fetched
 * from off the machine. Screenshots go to .e2e-artifacts/ (--update-screenshot copies the panel to docs/).
 */
const fs = require('fs');
const path = require('path');
const { setTimeout: sleep } = require('timers/promises');

const { workflowFiles, readJson } = require('../../instance');
const { REPO_ROOT } = require('../../lib/proc');
const { launchBrowser } = require('../../lib/browser');
const editor = require('../../lib/editor');

const WORKFLOW = 'wcsExAgents000001';
const NODE = 'All agents';

/** @type {import('..').E2eCheck} */
module.exports = {
	name: 'editor: node panel renders in Chromium',
	needs: 'n8n',
	skipFlag: '--skip-browser',
	async run(ctx) {
		const { url } = await ctx.signedInN8n();
		const shot = async (/** @type {import('../../lib/editor').Page} */ page, /** @type {string} */ name) => await page.screenshot({ path: path.join(ctx.artifacts, name) });
		const updateDocs = ctx.flag('--update-screenshot');
		const browser = await launchBrowser({ timings: ctx.timings, withFonts: updateDocs });
		const notes = [];
		try {
			const page = await browser.newPage();
			await page.setViewport({ width: 1440, height: 900 });
			const traffic = editor.watchTraffic(page);
			await editor.signIn(page, url);
			const node = await editor.openNodeOnCanvas(page, url, WORKFLOW, NODE, traffic);
			notes.push(`icon ${traffic.icons[0] || 'loaded'}`);
			await shot(page, 'editor-canvas.png');

			const panel = await editor.openPanel(page, node);
			for (const want of ['Agent', 'Get Many']) {
				if (!panel.values.includes(want) && !panel.text.includes(want)) throw new Error(`the node panel does not show "${want}" (inputs: ${panel.values.join(' | ')})`);
			}
			if (!panel.text.includes('WeChat Sandbox') && !panel.values.some((/** @type {string} */ v) => /WeChat sandbox/i.test(v))) notes.push('credential name not visible in the panel');
			await shot(page, 'editor-node-panel-empty.png');
			await editor.executeInPanel(page, 'alice@sandbox_oa');
			notes.push('Execute step in the panel listed the agents');
			await sleep(500);
			await shot(page, 'editor-node-panel.png');
			if (updateDocs) {
				fs.mkdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true });
				fs.copyFileSync(path.join(ctx.artifacts, 'editor-node-panel.png'), path.join(REPO_ROOT, 'docs', 'editor-node-panel.png'));
				notes.push('docs/editor-node-panel.png updated');
			}

			for (const file of workflowFiles(path.join(REPO_ROOT, 'examples'))) {
				const wf = readJson(file);
				await editor.assertWorkflowOpens(page, url, wf);
				await shot(page, `editor-example-${wf.id}.png`);
			}
			notes.push('all examples open on the canvas');
			if (traffic.offsite.length) throw new Error(`the editor requested off-machine URLs: ${[...new Set(traffic.offsite)].slice(0, 5).join(', ')}`);
			notes.push(`panel inputs: ${panel.values.slice(0, 4).join(' | ')}`);
			return `${notes.join('; ')}; screenshots in .e2e-artifacts/`;
		} finally {
			await browser.close();
		}
	},
};
