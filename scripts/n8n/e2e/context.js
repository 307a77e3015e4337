// @ts-check
'use strict';
/** The context every e2e check gets: the runtimes, the shared user folder, sandbox and `n8n start`, and the built node. */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { ensureRuntime } = require('../runtime');
const { builtNodes } = require('./builtNodes');
const { prepareUserFolder, workflowFiles } = require('../instance');
const { REPO_ROOT } = require('../lib/proc');
const { freePort } = require('../lib/ports');
const { startN8n } = require('../lib/n8nProcess');
const { Rest } = require('../lib/rest');
const { startSandbox } = require('../lib/sandbox');

/**
 * @typedef {import('../lib/n8nProcess').Runtime} Runtime
 * @typedef {import('../lib/sandbox').KfSandbox} KfSandbox
 * @typedef {import('../lib/n8nProcess').StartedN8n & { rest: Rest }} SharedN8n
 */

/** What every check gets (checks/*.js). */
class E2eContext {
	/**
	 * @param {Runtime} rt the n8n 2.x runtime
	 * @param {import('../runner').Runner} runner
	 * @param {Promise<Runtime> | null} early1x the n8n 1.x runtime when its install started already
	 * @param {number} sandboxPort
	 */
	constructor(rt, runner, early1x, sandboxPort) {
		this.rt = rt;
		this.runner = runner;
		this.runtime1xInstall = early1x;
		this.sandboxPort = sandboxPort;
		this.workflows = [...workflowFiles(path.join(REPO_ROOT, 'examples')), ...workflowFiles(path.join(REPO_ROOT, 'test-e2e', 'workflows'))];
		this.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-'));
		/** What the built action nodes offer (builtNodes.js). */
		this.builtNodes = builtNodes();
		/** @type {Set<string>} operationKey()s (builtNodes.js) a passing workflow check used */
		this.covered = new Set();
		this.artifacts = runner.artifacts;
		this.timings = runner.timings;
		/** @type {KfSandbox | null} */
		this.sandbox = null;
		/** @type {Promise<SharedN8n> | null} */
		this.server = null;
	}

	/** @param {string} f */
	flag(f) {
		return this.runner.flag(f);
	}

	/** A fresh demo-seeded sandbox on the suite's port. */
	async restartSandbox() {
		if (this.sandbox) await this.sandbox.stop();
		this.sandbox = await startSandbox({ port: this.sandboxPort, seed: 'demo' });
		return this.sandbox;
	}

	async prepareUserFolder() {
		const t0 = Date.now();
		const sandboxUrl = (await this.restartSandbox()).url;
		const prep = await prepareUserFolder(this.rt, this.userFolder, { sandboxUrl, workflows: this.workflows });
		this.timings.prepare = (Date.now() - t0) / 1000;
		return prep;
	}

	/** The shared `n8n start` on the user folder, started on first call. */
	n8n() {
		this.server ??= (async () => {
			const logFile = path.join(this.artifacts, 'n8n-start.log');
			fs.writeFileSync(logFile, '');
			const n8n = await startN8n(this.rt, this.userFolder, { port: await freePort(), logFile });
			this.timings.n8nStartReady = n8n.readySecs;
			return { ...n8n, rest: new Rest(n8n.url) };
		})();
		return this.server;
	}

	/** The shared n8n with its REST client signed in as the owner: whichever check comes first signs in. */
	async signedInN8n() {
		const n8n = await this.n8n();
		if (!n8n.rest.cookie) await n8n.rest.ownerSession();
		return n8n;
	}

	async stopN8n() {
		if (!this.server) return;
		const starting = this.server;
		this.server = null;
		const n8n = await starting.catch(/** @returns {null} */ () => null);
		if (!n8n) return;
		const t0 = Date.now();
		await n8n.stop();
		this.timings.n8nStop = (Date.now() - t0) / 1000;
	}

	/** The n8n 1.x runtime, installed on first call. */
	runtime1x() {
		this.runtime1xInstall ??= ensureRuntime('1x');
		return this.runtime1xInstall;
	}

	async close() {
		await this.stopN8n();
		if (this.sandbox) await this.sandbox.stop();
	}
}

/** @param {Runtime} rt @param {import('../runner').Runner} runner @param {Promise<Runtime> | null} early1x */
async function createContext(rt, runner, early1x) {
	return new E2eContext(rt, runner, early1x, await freePort());
}

module.exports = { createContext, E2eContext };
