// @ts-check
'use strict';
/** `npm start` (scripts/n8n/start.js, without the build) as a child process, for the checks that run it. */
const path = require('path');
const { spawn } = require('child_process');
const { setTimeout: sleep } = require('timers/promises');

/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null }} Exit
 * @typedef {{ child: import('child_process').ChildProcess, exited: Promise<Exit>, output: () => string }} NpmStart
 */

/** Starts `npm start --no-build` with `env` added to this process's. @param {NodeJS.ProcessEnv} env @returns {NpmStart} */
function startNpmStart(env) {
	const script = path.join(__dirname, '..', 'start.js');
	const child = spawn(process.execPath, [script, '--no-build'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	/** @type {Promise<Exit>} */
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	return { child, exited, output: () => out };
}

/** Waits until `npm start` prints its "Press Ctrl-C" banner; returns the seconds it took. @param {NpmStart} run @param {number} timeoutMs */
async function waitForBanner(run, timeoutMs) {
	const t0 = Date.now();
	while (!run.output().includes('Press Ctrl-C') && Date.now() - t0 < timeoutMs) {
		if (run.child.exitCode !== null) throw new Error(`npm start exited early:\n${run.output().slice(-2000)}`);
		await sleep(500);
	}
	if (!run.output().includes('Press Ctrl-C')) throw new Error(`npm start was not ready within ${timeoutMs / 1000}s:\n${run.output().slice(-2000)}`);
	return (Date.now() - t0) / 1000;
}

/**
 * Sends `signal` (how) and asserts exit code 0 within `timeoutMs` and nothing answering on `ports` any more;
 * returns the seconds it took.
 * @param {NpmStart} run @param {NodeJS.Signals} signal @param {string} how @param {number[]} ports @param {number} timeoutMs
 */
async function stopWith(run, signal, how, ports, timeoutMs) {
	run.child.kill(signal);
	const t0 = Date.now();
	const r = await Promise.race([run.exited, sleep(timeoutMs, null)]);
	if (!r) throw new Error(`npm start did not stop within ${timeoutMs / 1000}s of ${how}`);
	if (r.code !== 0) throw new Error(`npm start exited ${JSON.stringify(r)} after ${how}:\n${run.output().slice(-1500)}`);
	for (const port of ports) {
		if (await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false)) throw new Error(`127.0.0.1:${port} still answers after ${how}`);
	}
	return (Date.now() - t0) / 1000;
}

module.exports = { startNpmStart, waitForBanner, stopWith };
