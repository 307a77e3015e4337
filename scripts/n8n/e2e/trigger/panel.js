// @ts-check
'use strict';
/**
 * The trigger step a user sees: open the trigger's panel, "Listen for test event", let the sandbox push a safe-mode
 * message to the test URL, and wait for the decrypted item in the output pane. Saves trigger-panel.png (also to
 * docs/ with --update-screenshot).
 */
const fs = require('fs');
const path = require('path');
const { setTimeout: sleep } = require('timers/promises');

const { launchBrowser } = require('../../lib/browser');
const { watchTraffic, signIn, openNodeOnCanvas } = require('../../lib/editor');
const { REPO_ROOT } = require('../../lib/proc');
const { assert } = require('./steps');

const NDV = '[data-test-id="ndv"], .ndv-wrapper';

/**
 * @typedef {import('./instance').TriggerInstance} TriggerInstance
 * @typedef {import('../../lib/editor').Page} Page
 */

/** Waits until the open panel's text matches `re`. @param {Page} page @param {RegExp} re @param {number} timeout */
async function waitForPanelText(page, re, timeout) {
	await page.waitForFunction((/** @type {string} */ sel, /** @type {string} */ source, /** @type {string} */ flags) => new RegExp(source, flags).test(/** @type {HTMLElement | null} */ (document.querySelector(sel))?.innerText || ''), { timeout }, NDV, re.source, re.flags);
}

/** Pushes to the test URL until n8n listens there (404 before). @param {TriggerInstance} t @param {string} testUrl */
async function pushToTestUrl(t, testUrl) {
	let reply;
	for (let i = 0; i < 20 && (!reply || reply.status === 404); i++) {
		reply = await t.push.route.pushFromSandbox(t.sandbox, { url: testUrl, type: 'text', content: '你好，我要转人工客服', from: 'oDemo_ZhouJie_Qw9eR3tY5u', mode: 'safe' });
		if (reply.status === 404) await sleep(500);
	}
	assert(reply && reply.status === 200 && reply.kind === 'transfer_customer_service' && !reply.problems.length, `test push: ${JSON.stringify(reply).slice(0, 300)}`);
}

/** Listens in the trigger's panel, pushes, and waits for the item in the output pane. @param {Page} page @param {TriggerInstance} t */
async function listenAndPush(page, t) {
	await waitForPanelText(page, /Events[\s\S]*Reply|Reply[\s\S]*Events/, 30000);
	const listen = await page.waitForSelector('[data-test-id="trigger-execute-button"], [data-test-id="node-execute-button"]', { timeout: 10000 });
	await listen.click();
	await waitForPanelText(page, /Listening|Waiting for/i, 15000);
	const testUrl = `${t.n8n.url}/webhook-test/${t.wf.nodes[0].webhookId}/webhook`;
	await pushToTestUrl(t, testUrl);
	await waitForPanelText(page, /7\d{18}|MsgId/, 30000).catch(() => {
		throw new Error('the output pane did not show the pushed item');
	});
	return testUrl;
}

/** @type {import('./steps').TriggerStep} */
const panel = {
	name: 'trigger: the panel in the editor listens for a test event and shows the decrypted safe-mode push',
	async run(t) {
		const update = t.updateScreenshot;
		const browser = await launchBrowser({ withFonts: update });
		try {
			const page = await browser.newPage();
			await page.setViewport({ width: 1440, height: 900 });
			const traffic = watchTraffic(page);
			await signIn(page, t.n8n.url);
			const node = await openNodeOnCanvas(page, t.n8n.url, t.wf.id, t.wf.nodes[0].name, traffic);
			await node.click({ count: 2 });
			const testUrl = await listenAndPush(page, t);
			// Show the item as JSON and the webhook URLs, as the README describes them; no tooltip over the output.
			await page.evaluate((/** @type {string} */ sel) => {
				const ndv = /** @type {HTMLElement} */ (document.querySelector(sel));
				/** @param {RegExp} re */
				const click = (re) => /** @type {HTMLElement | undefined} */ ([...ndv.querySelectorAll('button, label, span, div')].find((e) => e.children.length === 0 && re.test(e.textContent.trim())))?.click();
				click(/^JSON$/);
				click(/^Webhook URLs$/);
			}, NDV);
			await page.mouse.move(5, 895);
			await sleep(1200);
			const shot = path.join(t.artifacts, 'trigger-panel.png');
			await page.screenshot({ path: shot });
			if (update) fs.copyFileSync(shot, path.join(REPO_ROOT, 'docs', 'trigger-panel.png'));
			assert(!traffic.offsite.length, `the editor contacted other hosts: ${traffic.offsite.slice(0, 3).join(', ')}`);
			return `listened, pushed to ${testUrl.replace(t.n8n.url, '')}, item shown; ${update ? 'docs/trigger-panel.png updated' : 'screenshot in .e2e-artifacts/'}`;
		} finally {
			await browser.close();
		}
	},
};

module.exports = { panel };
