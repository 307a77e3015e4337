// @ts-check
'use strict';
/**
 * The editor as a new user meets it: the nodes panel finds the node by each alias (微信, 客服, 公众号, 多客服, weixin,
 * WeChat, kf, customer service); canvas subtitles are action strings; an account picker lists "nickname (account)"
 * from the sandbox while a value saved as a plain string still shows; the credential dialog and an execution's
 * output render. Screenshots in .e2e-artifacts/ (--update-screenshot copies them to docs/).
 */
const fs = require('fs');
const path = require('path');
const { setTimeout: sleep } = require('timers/promises');

const { CREDENTIAL, NODE_TYPE } = require('../../lib/names');
const { REPO_ROOT } = require('../../lib/proc');
const { launchBrowser } = require('../../lib/browser');
const editor = require('../../lib/editor');

const ALIASES = ['微信', '客服', '公众号', '多客服', 'weixin', 'WeChat', 'kf', 'customer service'];
const DISPLAY_NAME = 'WeChat Customer Service';
const CANVAS_NODE = '[data-test-id="canvas-node"]';

/** @typedef {import('../../lib/editor').Page} Page */

/** @param {Page} page @param {string} text @param {number} timeout @param {string} what */
async function waitForText(page, text, timeout, what) {
	await page.waitForFunction((/** @type {string} */ t) => document.body.innerText.includes(t), { timeout }, text).catch(() => {
		throw new Error(`${what}: "${text}" did not show`);
	});
}

/** Types each alias into the nodes panel's search. @param {Page} page @param {string} url */
async function searchNodesPanel(page, url) {
	await page.goto(`${url}/workflow/new`, { waitUntil: 'networkidle2', timeout: 60000 });
	await page.waitForSelector('[data-test-id="node-creator-plus-button"]', { timeout: 30000 });
	await page.click('[data-test-id="node-creator-plus-button"]');
	const search = '[data-test-id="node-creator-search-bar"]';
	await page.waitForSelector(search, { timeout: 20000 });
	const missing = [];
	for (const alias of ALIASES) {
		const input = (await page.$(`${search} input`)) || (await page.$(search));
		await input.click({ count: 3 });
		await page.keyboard.press('Backspace');
		await page.keyboard.type(alias);
		const found = await page
			.waitForFunction(
				(/** @type {string} */ name) => [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-test-id="node-creator-item-name"]'))].some((e) => e.innerText.trim() === name),
				{ timeout: 10000 },
				DISPLAY_NAME,
			)
			.then(() => true, () => false);
		if (!found) missing.push(alias);
	}
	if (missing.length) throw new Error(`the nodes panel does not find "${DISPLAY_NAME}" by ${missing.map((a) => `"${a}"`).join(', ')}`);
}

/**
 * A throwaway workflow: a picker left on From List, and an account saved as a plain string (before the pickers).
 * @param {import('../../lib/rest').Rest} rest @returns {Promise<string>}
 */
async function createPickerWorkflow(rest) {
	const credentials = { weChatOfficialAccountApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
	/** @param {string} name @param {number} x @param {unknown} kfAccount */
	const node = (name, x, kfAccount) => ({
		id: `e2e-picker-${x}`,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [x, 0],
		credentials,
		parameters: { resource: 'session', operation: 'getAll', kfAccount, options: {} },
	});
	const wf = {
		name: 'e2e: account pickers',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {},
		nodes: [node('Picked from the list', 0, { __rl: true, mode: 'list', value: '' }), node('Saved as plain text', 300, 'bob@sandbox_oa')],
	};
	return (await rest.call('POST', '/rest/workflows', wf)).data.id;
}

/** @type {import('..').E2eCheck} */
module.exports = {
	name: 'editor: search by alias, subtitles, account picker, credential dialog, execution output',
	needs: 'n8n',
	skipFlag: '--skip-browser',
	async run(ctx) {
		const { url, rest } = await ctx.signedInN8n();
		/** @type {string[]} */
		const shots = [];
		/** @param {Page} page @param {string} name */
		const shot = async (page, name) => {
			await page.screenshot({ path: path.join(ctx.artifacts, name) });
			shots.push(name);
		};
		const browser = await launchBrowser({ timings: ctx.timings, withFonts: ctx.flag('--update-screenshot') });
		try {
			const page = await browser.newPage();
			await page.setViewport({ width: 1440, height: 900 });
			await editor.signIn(page, url);

			await searchNodesPanel(page, url);
			await shot(page, 'editor-node-search.png');

			await page.goto(`${url}/workflow/wcsExAgents000001`, { waitUntil: 'networkidle2', timeout: 60000 });
			await waitForText(page, 'Get many agents', 30000, 'canvas subtitle of "All agents"');
			await waitForText(page, 'Get online agents', 5000, 'canvas subtitle of "Online agents"');

			const id = await createPickerWorkflow(rest);
			await page.goto(`${url}/workflow/${id}`, { waitUntil: 'networkidle2', timeout: 60000 });
			await page.waitForSelector(CANVAS_NODE, { timeout: 30000 });
			const plain = await page.evaluateHandle((/** @type {string} */ sel) => [...document.querySelectorAll(sel)].find((n) => n.textContent.includes('Saved as plain text')), CANVAS_NODE);
			await editor.openPanel(page, plain);
			const shown = await page.evaluate(() => [.../** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('[data-test-id="ndv"] input'))].map((i) => i.value));
			if (!shown.includes('bob@sandbox_oa')) throw new Error(`a kfAccount saved as a plain string does not show in its panel (inputs: ${shown.join(' | ')})`);
			await page.keyboard.press('Escape');
			await sleep(500);
			const listed = await page.evaluateHandle((/** @type {string} */ sel) => [...document.querySelectorAll(sel)].find((n) => n.textContent.includes('Picked from the list')), CANVAS_NODE);
			await editor.openPanel(page, listed);
			const rlc = '[data-test-id="ndv"] [data-test-id="rlc-input"]';
			await page.waitForSelector(rlc, { timeout: 20000 });
			await page.click(rlc);
			await waitForText(page, '客服小美 (alice@sandbox_oa) · online (pc), 2 of 10 sessions', 30000, 'the Agent Account picker');
			await shot(page, 'editor-account-picker.png');
			await page.keyboard.press('Escape');

			await page.goto(`${url}/home/credentials/${CREDENTIAL.id}`, { waitUntil: 'networkidle2', timeout: 60000 });
			await waitForText(page, 'Token Source', 30000, 'the credential dialog');
			await sleep(800);
			await shot(page, 'editor-credential.png');

			const run = await rest.runWorkflow('wcsExAgents000001');
			if (run.status !== 'success') throw new Error(`example 01 ended ${run.status}`);
			await page.goto(`${url}/workflow/wcsExAgents000001/executions/${run.executionId}`, { waitUntil: 'networkidle2', timeout: 60000 });
			await sleep(1500);
			await shot(page, 'editor-execution-output.png');

			if (ctx.flag('--update-screenshot')) {
				for (const name of shots) fs.copyFileSync(path.join(ctx.artifacts, name), path.join(REPO_ROOT, 'docs', name));
			}
			return `found by ${ALIASES.length} aliases; subtitles "Get many agents"/"Get online agents"; picker lists nickname (account); plain string shown; screenshots ${shots.join(', ')}`;
		} finally {
			await browser.close();
		}
	},
};
