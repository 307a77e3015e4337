// @ts-check
'use strict';
/**
 * n8n processes on a user folder: the environment every one gets (loopback only, nothing fetched from off the
 * machine), one CLI command to completion, and `n8n start` until it is ready.
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { setTimeout: sleep } = require('timers/promises');

const { freePort, portFree } = require('./ports');
const { parseExecuteOutput } = require('./runData');

/**
 * @typedef {{ key: string, n8nVersion: string, src: string, dir: string, stamp: string, nodeBin: string,
 *   nodeDir: string, n8nBin: string }} Runtime  an installed n8n (runtime.js)
 * @typedef {Record<string, string | undefined>} EnvVars  undefined removes an inherited variable
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null }} Exit
 * @typedef {{ child: import('child_process').ChildProcess, url: string, stop: (graceMs?: number) => Promise<Exit>,
 *   logFile: string | undefined, readySecs: number }} StartedN8n
 */


let brokerPortCounter = 0;
/**
 * Distinct task-broker ports so concurrent n8n processes never collide on 5679: only the default of baseEnv(),
 * which must be synchronous; n8nCli() and startN8n() pass a port from lib/ports.freePort().
 */
function nextBrokerPort() {
	const base = Number(process.env.WECHAT_CS_N8N_BROKER_PORT_BASE || 5700 + (process.pid % 200) * 10);
	brokerPortCounter = (brokerPortCounter + 1) % 10;
	return base + brokerPortCounter;
}

/**
 * Environment for an n8n process on a given user folder: loopback only, no telemetry, no version notifications,
 * no template/verified-package/MCP fetches (the trial's strace showed only 127.0.0.1 connects with these).
 * @param {string} userFolder @param {EnvVars} [extra] @returns {EnvVars}
 */
function baseEnv(userFolder, extra = {}) {
	return {
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'wechat-cs-local-encryption-key-0123456789',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_MCP_COMMUNITY_NODE_DISCOVERY_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_SENTRY_DSN: '',
		N8N_LOG_LEVEL: 'info',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: '5678',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(nextBrokerPort()),
		// Deprecated in 2.x (runners always on); unset so an inherited value cannot change behaviour.
		N8N_RUNNERS_ENABLED: undefined,
		...extra,
	};
}

/**
 * Merged env for spawning n8n: process env, runtime Node first on PATH, then the n8n vars.
 * @param {Pick<Runtime, 'key' | 'nodeBin'>} rt @param {string} userFolder @param {EnvVars} [extra] @returns {NodeJS.ProcessEnv}
 */
function n8nEnv(rt, userFolder, extra = {}) {
	/** @type {NodeJS.ProcessEnv} */
	const env = { ...process.env, PATH: `${path.dirname(rt.nodeBin)}${path.delimiter}${process.env.PATH}` };
	for (const [k, v] of Object.entries(baseEnv(userFolder, extra))) {
		if (v === undefined) delete env[k];
		else env[k] = v;
	}
	// n8n 1.x has no mcp-registry module and refuses to start when asked to disable an unknown module.
	if (rt.key === '1x') delete env.N8N_DISABLED_MODULES;
	// n8n 1.123's default "vm" expression engine needs isolated-vm 6, which supports only Node >= 22 (no prebuild or
	// build for Node 20): on Node 20 n8n exits with "Could not initialize the vm expression engine". Use the legacy one.
	if (rt.key === '1x' && Number(process.versions.node.split('.')[0]) < 22 && !env.N8N_EXPRESSION_ENGINE) {
		env.N8N_EXPRESSION_ENGINE = 'legacy';
	}
	// Never inherit proxies: every request n8n makes here goes to 127.0.0.1.
	for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy']) delete env[k];
	env.NO_PROXY = env.no_proxy = '127.0.0.1,localhost';
	return env;
}

/**
 * Runs one n8n CLI command to completion; resolves { code, stdout, stderr, secs } (never rejects on exit code).
 * The task broker gets a free port unless `extraEnv` names one.
 * @param {Runtime} rt @param {string} userFolder @param {string[]} args @param {EnvVars} [extraEnv]
 * @returns {Promise<{ code: number, signal: NodeJS.Signals | null, stdout: string, stderr: string, secs: number }>}
 */
async function n8nCli(rt, userFolder, args, extraEnv = {}, { timeoutMs = 180000 } = {}) {
	const env = n8nEnv(rt, userFolder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv });
	return await new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(rt.nodeBin, [rt.n8nBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: userFolder });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			resolve({ code: code === null ? -1 : code, signal, stdout, stderr, secs: (Date.now() - started) / 1000 });
		});
	});
}

/** Like n8nCli, but a non-zero exit throws with the output's tail. @param {Runtime} rt @param {string} userFolder @param {string[]} args */
async function n8nCliOk(rt, userFolder, args) {
	const r = await n8nCli(rt, userFolder, args);
	if (r.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${r.code})\n${(r.stdout + r.stderr).slice(-3000)}`);
	return r;
}

/**
 * `n8n execute --id=<id> --rawOutput` with JSON logs, its output saved to `logFile`: the exit, the output and the
 * run it printed (lib/runData.js).
 * @param {Runtime} rt @param {string} userFolder @param {string} id @param {string} logFile @param {EnvVars} [extraEnv]
 */
async function executeWorkflow(rt, userFolder, id, logFile, extraEnv = {}) {
	const r = await n8nCli(rt, userFolder, ['execute', `--id=${id}`, '--rawOutput'], { N8N_LOG_FORMAT: 'json', ...extraEnv });
	fs.writeFileSync(logFile, r.stdout + (r.stderr ? `\n--- stderr ---\n${r.stderr}` : ''));
	return { ...r, ...parseExecuteOutput(r.stdout) };
}

/** SIGKILL of a whole process group (n8n's JS task runner is a child of n8n), if it is still there. @param {number} pid */
function killGroup(pid) {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		/* group gone */
	}
}

/**
 * A stop function for a detached child: one SIGTERM, SIGKILL of its group after `graceMs`, then of whatever is left
 * of the group. `exited()` tells whether it has exited already.
 * @param {import('child_process').ChildProcess} child @param {() => Exit | null} exited @param {Promise<Exit>} exitPromise
 */
function groupStopper(child, exited, exitPromise, defaultGraceMs = 15000) {
	const pid = /** @type {number} */ (child.pid);
	return async (graceMs = defaultGraceMs) => {
		const done = exited();
		if (done) {
			killGroup(pid);
			return done;
		}
		try {
			process.kill(pid, 'SIGTERM');
		} catch {
			/* already gone */
		}
		const timer = setTimeout(() => killGroup(pid), graceMs);
		const r = await exitPromise;
		clearTimeout(timer);
		killGroup(pid);
		return r;
	};
}

/**
 * Spawns `cmd args` in its own process group (the caller decides when and how it stops), logging to `logFile`
 * (and echoing it with `echo`). Returns the child, its exit and a stop function.
 * @param {string} cmd @param {string[]} args @param {{ env: NodeJS.ProcessEnv, cwd: string, logFile?: string, echo?: boolean, graceMs?: number }} options
 */
function spawnGroup(cmd, args, { env, cwd, logFile, echo = false, graceMs = 15000 }) {
	const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
	const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', echo ? 'pipe' : out, echo ? 'pipe' : out] });
	if (typeof out === 'number') fs.closeSync(out);
	for (const s of echo ? [child.stdout, child.stderr] : []) {
		s?.on('data', (d) => {
			process.stdout.write(d);
			if (logFile) fs.appendFileSync(logFile, d);
		});
	}
	/** @type {Exit | null} */
	let exited = null;
	/** @type {Promise<Exit>} */
	const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
	return { child, exited: () => exited, stop: groupStopper(child, () => exited, exitPromise, graceMs) };
}

/**
 * `n8n start` on a user folder. Resolves once /healthz/readiness answers 200 with { child, url, stop(), logFile,
 * readySecs }.
 * @param {Runtime} rt @param {string} userFolder
 * @param {{ port?: number, logFile?: string, extraEnv?: EnvVars, echo?: boolean, readyTimeoutMs?: number }} [options]
 * @returns {Promise<StartedN8n>}
 */
async function startN8n(rt, userFolder, { port = 5678, logFile, extraEnv = {}, echo = false, readyTimeoutMs = 120000 } = {}) {
	if (!(await portFree(port))) {
		throw new Error(`127.0.0.1:${port} is already in use (another n8n?). Stop it or choose another port.`);
	}
	const env = n8nEnv(rt, userFolder, { N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv });
	const { child, exited, stop } = spawnGroup(rt.nodeBin, [rt.n8nBin, 'start'], { env, cwd: userFolder, logFile, echo });
	const url = `http://127.0.0.1:${port}`;
	const started = Date.now();
	while (Date.now() - started < readyTimeoutMs) {
		if (exited()) {
			const tail = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-3000) : '';
			throw new Error(`n8n start exited early (${JSON.stringify(exited())})\n${tail}`);
		}
		const res = await fetch(`${url}/healthz/readiness`).catch(/** @returns {null} */ () => null);
		if (res && res.status === 200) return { child, url, stop, logFile, readySecs: (Date.now() - started) / 1000 };
		await sleep(500);
	}
	await stop();
	throw new Error(`n8n did not become ready within ${readyTimeoutMs / 1000}s`);
}

module.exports = { baseEnv, n8nEnv, n8nCli, n8nCliOk, executeWorkflow, spawnGroup, startN8n };
