// @ts-check
'use strict';
/** `npm start` itself (without the build, done already): ready banner, the node and examples served, Ctrl-C stops all. */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { setTimeout: sleep } = require('timers/promises');

const { workflowFiles, readJson } = require('../../instance');
const { freePort } = require('../../lib/ports');
const { REPO_ROOT } = require('../../lib/proc');
const { OWNER, Rest } = require('../../lib/rest');

/** Waits until `npm start` prints its "Press Ctrl-C" banner; returns the seconds it took. */
async function waitForBanner(child, output) {
	const t0 = Date.now();
	while (!output().includes('Press Ctrl-C') && Date.now() - t0 < 120000) {
		if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output().slice(-2000)}`);
		await sleep(500);
	}
	if (!output().includes('Press Ctrl-C')) throw new Error(`npm start was not ready within 120s:\n${output().slice(-2000)}`);
	return (Date.now() - t0) / 1000;
}

/** Ctrl-C: exit code 0 within 30 s, and nothing answers on the ports any more. Returns the seconds it took. */
async function stopWithCtrlC(child, exited, output, ports) {
	child.kill('SIGINT');
	const t1 = Date.now();
	const r = await Promise.race([exited, new Promise((res) => setTimeout(() => res(null), 30000))]);
	if (!r) throw new Error('npm start did not stop within 30s of Ctrl-C');
	if (r.code !== 0) throw new Error(`npm start exited ${JSON.stringify(r)} after Ctrl-C:\n${output().slice(-1500)}`);
	for (const port of ports) {
		const still = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
		if (still) throw new Error(`127.0.0.1:${port} still answers after Ctrl-C`);
	}
	return (Date.now() - t1) / 1000;
}

/** @type {import('..').E2eCheck} */
module.exports = {
	name: 'npm start: prints URL and login, serves the examples, Ctrl-C stops n8n and the sandbox',
	async run() {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-start-'));
		const [n8nPort, sandboxPort] = [await freePort(), await freePort()];
		const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'start.js'), '--no-build'], {
			env: { ...process.env, N8N_PORT: String(n8nPort), SANDBOX_PORT: String(sandboxPort), WECHAT_CS_START_USER_FOLDER: userFolder },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		const output = () => out;
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
		try {
			const readySecs = await waitForBanner(child, output);
			// Everything the credential dialog asks for, to create it by hand.
			const byHand = ['AppID: wx_sandbox_app', 'AppSecret: sandbox_secret', 'API Host: Custom Base URL', `Base URL: http://127.0.0.1:${sandboxPort}`];
			for (const want of [`http://127.0.0.1:${n8nPort}`, OWNER.email, OWNER.password, ...byHand]) {
				if (!out.includes(want)) throw new Error(`npm start did not print ${want}:\n${out}`);
			}
			const rest = new Rest(`http://127.0.0.1:${n8nPort}`);
			await rest.ownerSession();
			const wfs = (await rest.call('GET', '/rest/workflows')).data;
			const examples = workflowFiles(path.join(REPO_ROOT, 'examples')).map((f) => readJson(f).id);
			const missing = examples.filter((id) => !wfs.some((w) => w.id === id));
			if (missing.length) throw new Error(`examples missing in npm start's n8n: ${missing.join(', ')}`);
			const stopSecs = await stopWithCtrlC(child, exited, output, [n8nPort, sandboxPort]);
			return `ready in ${readySecs.toFixed(0)}s with ${examples.length} examples; Ctrl-C stopped n8n and the sandbox in ${stopSecs.toFixed(1)}s`;
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	},
};
