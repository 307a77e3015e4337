// @ts-check
'use strict';
/** Child processes and paths shared by the runtime installer, the package loader and the e2e checks. */
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Runs a command to completion; rejects on a non-zero exit with the output's tail. `quiet` collects the output.
 * @param {string} cmd @param {string[]} args @param {import('child_process').SpawnOptions & { quiet?: boolean }} [opts]
 * @returns {Promise<{ out: string, secs: string }>}
 */
function run(cmd, args, opts = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(cmd, args, { stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...opts });
		let out = '';
		if (opts.quiet) {
			child.stdout?.on('data', (d) => (out += d));
			child.stderr?.on('data', (d) => (out += d));
		}
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			const secs = ((Date.now() - started) / 1000).toFixed(1);
			if (code === 0) return resolve({ out, secs });
			const err = new Error(`${cmd} ${args.join(' ')} failed (${signal || 'exit ' + code}) after ${secs}s\n${out.slice(-4000)}`);
			reject(err);
		});
	});
}

/** Disk usage of a path, as `du -sh` prints it. @param {string} p */
function du(p) {
	const r = spawnSync('du', ['-sh', p], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.split(/\s+/)[0] : '?';
}

module.exports = { REPO_ROOT, run, du };
