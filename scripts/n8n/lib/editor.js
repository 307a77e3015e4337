// @ts-check
'use strict';
/** Steps of the editor check on a puppeteer page: each one waits for what a user would see, or throws saying what is missing. */
const { OWNER } = require('./rest');

/**
 * A puppeteer page (puppeteer-core is installed into the cache at run time, so its types are not at hand here).
 * @typedef {any} Page
 */

const CANVAS_NODE = '[data-test-id="canvas-node"]';
const NDV = '[data-test-id="ndv"], .ndv-wrapper';

/** Records requests that leave the machine and the responses for our SVG icon. @param {Page} page */
function watchTraffic(page) {
	/** @type {{ offsite: string[], icons: string[] }} */
	const traffic = { offsite: [], icons: [] };
	page.on('request', (/** @type {{ url(): string }} */ req) => {
		const u = new URL(req.url());
		if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) traffic.offsite.push(req.url());
	});
	page.on('response', (/** @type {{ url(): string, status(): number }} */ res) => {
		if (/wechat.*\.svg/i.test(res.url())) traffic.icons.push(`${res.status()} ${res.url()}`);
	});
	return traffic;
}

/** @param {Page} page @param {string} baseUrl */
async function signIn(page, baseUrl) {
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'networkidle2', timeout: 60000 });
	const emailSel = 'input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]';
	await page.waitForSelector(emailSel, { timeout: 60000 });
	await page.type(emailSel, OWNER.email);
	await page.type('input[type="password"]', OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: 30000 });
}

/**
 * Opens a saved workflow and returns the canvas node named `nodeName` once its WeChat icon has loaded.
 * @param {Page} page @param {string} baseUrl @param {string} workflowId @param {string} nodeName @param {ReturnType<typeof watchTraffic>} traffic
 */
async function openNodeOnCanvas(page, baseUrl, workflowId, nodeName, traffic) {
	await page.goto(`${baseUrl}/workflow/${workflowId}`, { waitUntil: 'networkidle2', timeout: 60000 });
	await page.waitForSelector(CANVAS_NODE, { timeout: 60000 });
	const node = await page.evaluateHandle(
		(/** @type {string} */ sel, /** @type {string} */ name) => [...document.querySelectorAll(sel)].find((n) => n.getAttribute('data-node-name') === name || n.textContent.includes(name)) || null,
		CANVAS_NODE,
		nodeName,
	);
	if (!node || !(await node.evaluate((/** @type {Element | null} */ n) => !!n))) throw new Error(`canvas node "${nodeName}" not found`);
	await page
		.waitForFunction(
			(/** @type {string} */ sel, /** @type {string} */ name) => {
				const n = [...document.querySelectorAll(sel)].find((x) => x.getAttribute('data-node-name') === name || x.textContent.includes(name));
				const img = n && [...n.querySelectorAll('img')].find((i) => /wechat/i.test(i.src));
				return !!(img && img.complete && img.naturalWidth > 0);
			},
			{ timeout: 20000 },
			CANVAS_NODE,
			nodeName,
		)
		.catch(() => {
			throw new Error(`the node's icon did not render (icon responses: ${traffic.icons.join(', ') || 'none'})`);
		});
	return node;
}

/** Opens the node's panel; resolves its text and input values once Resource and Operation show. @param {Page} page @param {any} node */
async function openPanel(page, node) {
	await node.click({ count: 2 });
	await page.waitForSelector(NDV, { timeout: 30000 });
	await page
		.waitForFunction(
			(/** @type {string} */ sel) => {
				const ndv = /** @type {HTMLElement | null} */ (document.querySelector(sel));
				const text = ndv ? ndv.innerText : '';
				return /Resource/.test(text) && /Operation/.test(text);
			},
			{ timeout: 30000 },
			NDV,
		)
		.catch(async () => {
			const text = await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('[data-test-id="ndv"]') || document.body).innerText.slice(0, 800));
			throw new Error(`the node panel shows no Resource/Operation fields:\n${text}`);
		});
	return await page.evaluate((/** @type {string} */ sel) => {
		const ndv = /** @type {HTMLElement} */ (document.querySelector(sel));
		return { text: ndv.innerText, values: [...ndv.querySelectorAll('input')].map((i) => i.value).filter(Boolean) };
	}, NDV);
}

/** "Execute step" in the open panel, as a user would; waits until `expectedText` shows in the output pane. @param {Page} page @param {string} expectedText */
async function executeInPanel(page, expectedText) {
	const execSel = '[data-test-id="node-execute-button"]';
	await page.waitForSelector(execSel, { timeout: 10000 });
	await page.click(execSel);
	await page
		.waitForFunction((/** @type {string} */ sel, /** @type {string} */ want) => {
			const ndv = /** @type {HTMLElement | null} */ (document.querySelector(sel));
			return ndv && ndv.innerText.includes(want);
		}, { timeout: 30000 }, NDV, expectedText)
		.catch(() => {
			throw new Error(`"Execute step" in the node panel did not show ${expectedText}`);
		});
}

/**
 * Opens workflow `wf` and asserts that all its nodes are on the canvas and none is unknown to the editor.
 * @param {Page} page @param {string} baseUrl @param {{ id: string, nodes: { type: string }[] }} wf
 */
async function assertWorkflowOpens(page, baseUrl, wf) {
	const expected = wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').length;
	await page.goto(`${baseUrl}/workflow/${wf.id}`, { waitUntil: 'networkidle2', timeout: 60000 });
	await page
		.waitForFunction((/** @type {string} */ sel, /** @type {number} */ n) => document.querySelectorAll(sel).length >= n, { timeout: 30000 }, CANVAS_NODE, expected)
		.catch(async () => {
			const found = await page.evaluate((/** @type {string} */ sel) => document.querySelectorAll(sel).length, CANVAS_NODE);
			throw new Error(`example ${wf.id} shows ${found} of ${expected} nodes on the canvas`);
		});
	const broken = await page.evaluate(() => /Install this node|node is not currently installed|Unrecognized node type/i.test(document.body.innerText));
	if (broken) throw new Error(`example ${wf.id}: the editor reports a node it does not know`);
}

module.exports = { watchTraffic, signIn, openNodeOnCanvas, openPanel, executeInPanel, assertWorkflowOpens };
