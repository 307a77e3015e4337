// @ts-check
'use strict';
/**
 * A sandbox and a fresh n8n (own user folder and port) with the package, both WeCom credentials (the sandbox's
 * SANDBOX_WECOM; API host = the sandbox) and three published WeCom Customer Service Trigger workflows (workflows.js),
 * plus examples 10 and 11 published: what the WeCom trigger checks run against. `restart()` stops n8n, runs what
 * must happen while it is down, re-publishes the workflows and starts it again on the same port.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { publish } = require('../../instance');
const { n8nCliOk, startN8n } = require('../../lib/n8nProcess');
const { installPackageInto } = require('../../lib/package');
const { freePort } = require('../../lib/ports');
const { Rest } = require('../../lib/rest');
const { loadSandbox, startSandbox, weComDemoCredentials, COMPILED } = require('../../lib/sandbox');
const { waitRegistered } = require('../trigger/instance');
const { WORKFLOWS, EXAMPLES, triggerUrl } = require('./workflows');

/**
 * @typedef {import('../../lib/n8nProcess').Runtime} Runtime
 * @typedef {import('../../../../sandbox/wecom/corp').WeComCorp} WeComCorp
 * @typedef {object} WeComTriggerInstance
 * @property {Runtime} rt
 * @property {import('../../lib/sandbox').KfSandbox} sandbox
 * @property {WeComCorp} corp  the demo corp, played in this process
 * @property {ReturnType<typeof sandboxTools>} tools
 * @property {Rest} rest  signed in as the owner
 * @property {string} baseUrl  n8n's URL
 * @property {(key: import('./workflows').TriggerKey) => string} url  a workflow's (or example's) production webhook URL
 * @property {string} logFile  n8n's log
 * @property {(whileDown: () => Promise<void> | void) => Promise<void>} restart
 */

/** The sandbox modules the WeCom checks use beyond lib/sandbox's. */
function sandboxTools() {
	return {
		wecom: /** @type {typeof import('../../../../sandbox/wecom')} */ (require(path.join(COMPILED, 'wecom'))),
		crypto: /** @type {typeof import('../../../../sandbox/wecom/crypto')} */ (require(path.join(COMPILED, 'wecom', 'crypto'))),
		sync: /** @type {typeof import('../../../../sandbox/wecom/routes/sync')} */ (require(path.join(COMPILED, 'wecom', 'routes', 'sync'))),
		callback: /** @type {typeof import('../../../../sandbox/wecom/callback')} */ (require(path.join(COMPILED, 'wecom', 'callback'))),
		demo: loadSandbox('').SANDBOX_WECOM,
	};
}

/** Package, credentials and workflows into a user folder; every workflow published. @param {Runtime} rt @param {string} userFolder @param {string} sandboxUrl */
async function prepare(rt, userFolder, sandboxUrl) {
	await installPackageInto(userFolder);
	const dir = path.join(userFolder, 'import-wecom');
	fs.mkdirSync(path.join(dir, 'workflows'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(weComDemoCredentials(sandboxUrl)));
	await n8nCliOk(rt, userFolder, ['import:credentials', `--input=${path.join(dir, 'credentials.json')}`]);
	for (const wf of Object.values(WORKFLOWS)) fs.writeFileSync(path.join(dir, 'workflows', `${wf.id}.json`), JSON.stringify(wf));
	for (const { file } of Object.values(EXAMPLES)) fs.copyFileSync(file, path.join(dir, 'workflows', path.basename(file)));
	await n8nCliOk(rt, userFolder, ['import:workflow', '--separate', `--input=${path.join(dir, 'workflows')}`]);
	await publishAll(rt, userFolder);
}

/** @param {Runtime} rt @param {string} userFolder */
async function publishAll(rt, userFolder) {
	const ids = [...Object.values(WORKFLOWS), ...Object.values(EXAMPLES)].map((w) => w.id);
	for (const id of ids) await publish(rt, userFolder, id);
}

/** `n8n start` on a port until every trigger answers. @param {Runtime} rt @param {string} userFolder @param {number} port @param {string} logFile */
async function start(rt, userFolder, port, logFile) {
	const n8n = await startN8n(rt, userFolder, { port, logFile, extraEnv: { GENERIC_TIMEZONE: 'Asia/Shanghai' } });
	const rest = new Rest(n8n.url);
	await rest.waitReady(60000);
	await rest.ownerSession();
	for (const key of [...Object.keys(WORKFLOWS), ...Object.keys(EXAMPLES)]) await waitRegistered(triggerUrl(n8n.url, /** @type {import('./workflows').TriggerKey} */ (key)));
	return { n8n, rest };
}

/**
 * Runs `run` on a fresh WeCom trigger instance; everything is stopped after it.
 * @template T
 * @param {Runtime} rt @param {{ artifacts: string }} ctx
 * @param {(corp: WeComCorp, tools: ReturnType<typeof sandboxTools>) => void} beforeStart  what the sandbox holds before n8n first starts
 * @param {(t: WeComTriggerInstance) => Promise<T>} run
 */
async function withWeComTriggerInstance(rt, ctx, beforeStart, run) {
	fs.mkdirSync(ctx.artifacts, { recursive: true });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `wcs-wecom-trigger-${rt.key}-`));
	const sandbox = await startSandbox({ port: 0, seed: 'demo' });
	const corp = /** @type {WeComCorp} */ (sandbox.state.wecom.demoCorp);
	const tools = sandboxTools();
	beforeStart(corp, tools);
	const logFile = path.join(ctx.artifacts, `wecom-trigger-n8n-${rt.key}.log`);
	/** @type {Awaited<ReturnType<typeof start>> | null} */
	let up = null;
	try {
		await prepare(rt, userFolder, sandbox.url);
		const port = await freePort();
		up = await start(rt, userFolder, port, logFile);
		/** @type {WeComTriggerInstance} */
		const t = {
			rt,
			sandbox,
			corp,
			tools,
			rest: up.rest,
			baseUrl: up.n8n.url,
			// The same port after a restart: the URL holds while n8n is down (a callback then finds nobody).
			url: (key) => triggerUrl(t.baseUrl, key),
			logFile,
			restart: async (whileDown) => {
				if (up) await up.n8n.stop();
				up = null;
				await whileDown();
				await publishAll(rt, userFolder);
				up = await start(rt, userFolder, port, logFile);
				t.rest = up.rest;
			},
		};
		return await run(t);
	} finally {
		if (up) await up.n8n.stop();
		await sandbox.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

module.exports = { withWeComTriggerInstance, sandboxTools };
