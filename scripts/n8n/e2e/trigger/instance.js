// @ts-check
'use strict';
/**
 * A sandbox and a fresh n8n (own user folder and port) with the package, both credentials and the published trigger
 * workflow of test-e2e/trigger/, its webhook registered: what the trigger checks run against.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { setTimeout: sleep } = require('timers/promises');

const { prepareUserFolder, publish, readJson } = require('../../instance');
const { startN8n } = require('../../lib/n8nProcess');
const { freePort } = require('../../lib/ports');
const { REPO_ROOT } = require('../../lib/proc');
const { Rest } = require('../../lib/rest');
const { loadSandbox, startSandbox } = require('../../lib/sandbox');

const WORKFLOW_FILE = path.join(REPO_ROOT, 'test-e2e', 'trigger', 'e2e-trigger.json');

/**
 * @typedef {import('../../lib/n8nProcess').Runtime} Runtime
 * @typedef {{ id: string, nodes: { name: string, webhookId?: string }[] }} TriggerWorkflow
 * @typedef {object} TriggerInstance
 * @property {Runtime} rt
 * @property {import('../../lib/n8nProcess').StartedN8n} n8n
 * @property {import('../../lib/sandbox').KfSandbox} sandbox
 * @property {TriggerWorkflow} wf
 * @property {string} url  the trigger's production webhook URL
 * @property {Rest} rest  signed in as the owner
 * @property {string} artifacts
 * @property {boolean} updateScreenshot  copy screenshots to docs/
 * @property {ReturnType<typeof pushTools>} push  the sandbox's push helpers and credential
 */

/** fetch with a deadline: a hung request fails the check instead of stalling the suite. @param {string} url @param {RequestInit} [init] */
function fetchWithin(url, init = {}) {
	return fetch(url, { signal: AbortSignal.timeout(30000), ...init });
}

/** The production webhook URL of a workflow's trigger (the node with a webhookId). @param {string} baseUrl @param {TriggerWorkflow} wf */
function webhookUrl(baseUrl, wf) {
	const trigger = wf.nodes.find((n) => n.webhookId);
	if (!trigger) throw new Error(`workflow ${wf.id} has no webhook node`);
	return `${baseUrl}/webhook/${trigger.webhookId}/webhook`;
}

/** Waits until the trigger answers an unsigned GET with 401; anything else is n8n before the webhook is registered. @param {string} url */
async function waitRegistered(url, timeoutMs = 60000) {
	const t0 = Date.now();
	while (Date.now() - t0 < timeoutMs) {
		const res = await fetchWithin(url).catch(/** @returns {null} */ () => null);
		if (res && res.status === 401) return res.status;
		await sleep(500);
	}
	throw new Error(`${url} does not answer 401 (the trigger's refusal of an unsigned GET) after ${timeoutMs / 1000}s: the trigger's webhook is not registered`);
}

/** The sandbox's push helpers, its push credential, and the signing target for a mode. */
function pushTools() {
	const push = loadSandbox('push');
	const P = push.SANDBOX_PUSH;
	/** @param {'plain' | 'compatible' | 'safe'} mode @param {{ token?: string, appId?: string }} [extra] */
	const target = (mode, extra = {}) => ({ token: P.token, encodingAESKey: P.encodingAESKey, appId: P.appId, mode, ...extra });
	return { push, route: loadSandbox('routes/push'), P, target };
}

/**
 * Runs `run` on a fresh trigger instance; everything is stopped after it.
 * @template T
 * @param {Runtime} rt @param {string} name @param {{ artifacts: string, flag(f: string): boolean }} ctx
 * @param {(t: TriggerInstance) => Promise<T>} run
 */
async function withTriggerInstance(rt, name, ctx, run) {
	const { artifacts } = ctx;
	fs.mkdirSync(artifacts, { recursive: true });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `wcs-${name}-${rt.key}-`));
	const sandbox = await startSandbox({ port: 0, seed: 'demo' });
	let n8n = null;
	try {
		await prepareUserFolder(rt, userFolder, { sandboxUrl: sandbox.url, workflows: [WORKFLOW_FILE] });
		const wf = readJson(WORKFLOW_FILE);
		await publish(rt, userFolder, wf.id);
		n8n = await startN8n(rt, userFolder, { port: await freePort(), logFile: path.join(artifacts, `${name}-n8n-${rt.key}.log`) });
		const rest = new Rest(n8n.url);
		await rest.waitReady(60000);
		await rest.ownerSession();
		const url = webhookUrl(n8n.url, wf);
		await waitRegistered(url);
		return await run({ rt, n8n, sandbox, wf, url, rest, artifacts, updateScreenshot: ctx.flag('--update-screenshot'), push: pushTools() });
	} finally {
		if (n8n) await n8n.stop();
		await sandbox.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

module.exports = { fetchWithin, webhookUrl, waitRegistered, withTriggerInstance };
