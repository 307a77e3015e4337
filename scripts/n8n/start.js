'use strict';
/**
 * `npm start`: a real n8n on http://127.0.0.1:5678 with this package loaded, a credential pointing at the
 * WeChat sandbox (seeded with demo data) and the example workflows. Nothing leaves the machine.
 *
 * Options:  --fresh        wipe the n8n user folder first (owner, executions, your own workflows)
 *           --no-build     skip `npm run build` / `npm run build:dev`
 * Env:      N8N_PORT (5678), SANDBOX_PORT (8787), WECHAT_CS_N8N_CACHE (cache folder),
 *           WECHAT_CS_START_USER_FOLDER (n8n user folder, default <cache>/start-user)
 * Ctrl-C stops n8n and the sandbox.
 *
 * First use installs Node 24 + n8n 2.41.1 into the cache folder (scripts/n8n/runtime.js; ~7-10 min, ~3 GB).
 * The n8n user folder is <cache>/start-user and is kept between runs (owner, executions, your own workflows);
 * the credential and the example workflows are re-imported on every start (the sandbox URL may change).
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const { REPO_ROOT, cacheRoot, ensureRuntime } = require('./runtime');
const { OWNER, CREDENTIAL, buildPackage, startSandbox, portFree, prepareUserFolder, startN8n, Rest, workflowFiles, readJson } =
	require('./instance');

const args = new Set(process.argv.slice(2));
/** What is running, so that a failure half-way still stops it. */
const running = { n8n: null, sandbox: null };

async function main() {
	const t0 = Date.now();
	const n8nPort = Number(process.env.N8N_PORT || 5678);
	const sandboxPort = Number(process.env.SANDBOX_PORT || 8787);
	for (const [what, port] of [
		['n8n', n8nPort],
		['the sandbox', sandboxPort],
	]) {
		if (!(await portFree(port))) {
			throw new Error(`Port ${port} (for ${what}) is in use on 127.0.0.1. Stop what runs there, or set ${what === 'n8n' ? 'N8N_PORT' : 'SANDBOX_PORT'}.`);
		}
	}

	if (!args.has('--no-build')) {
		console.log('Building the package (npm run build, npm run build:dev)...');
		await buildPackage();
	}

	const rt = await ensureRuntime('2');
	const userFolder = process.env.WECHAT_CS_START_USER_FOLDER || path.join(cacheRoot(), 'start-user');
	if (args.has('--fresh')) fs.rmSync(userFolder, { recursive: true, force: true });

	let sandbox = await startSandbox({ port: sandboxPort, seed: 'demo' });
	running.sandbox = sandbox;
	console.log(`WeChat sandbox (demo data) on ${sandbox.url}`);

	let n8n = null;
	let stopping = false;
	const shutdown = async (why) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${why}: stopping n8n and the sandbox...`);
		if (n8n) await n8n.stop();
		if (sandbox) await sandbox.stop();
		sandbox = null;
		console.log('Stopped.');
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('Ctrl-C'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	process.on('SIGHUP', () => void shutdown('SIGHUP'));

	const examples = workflowFiles(path.join(REPO_ROOT, 'examples'));
	console.log(`Preparing n8n user folder ${userFolder} (package, credential, ${examples.length} example workflows)...`);
	await prepareUserFolder(rt, userFolder, { sandboxUrl: sandbox.url, workflows: examples });

	const logFile = path.join(userFolder, 'n8n.log');
	console.log(`Starting n8n ${rt.n8nVersion} on Node ${execFileSync(rt.nodeBin, ['--version']).toString().trim()} (log: ${logFile})...`);
	n8n = await startN8n(rt, userFolder, { port: n8nPort, logFile });
	running.n8n = n8n;
	n8n.child.on('exit', (code, signal) => {
		if (!stopping) {
			console.error(`n8n exited unexpectedly (${signal || code}); see ${logFile}`);
			void shutdown('n8n exited');
		}
	});
	const rest = new Rest(n8n.url);
	const session = await rest.ownerSession();

	const line = '─'.repeat(72);
	console.log(`\n${line}`);
	console.log(`  n8n ${rt.n8nVersion} is ready:  ${n8n.url}   (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
	console.log(`  Sign in:  email ${OWNER.email}   password ${OWNER.password}${session === 'created' ? '   (owner just created)' : ''}`);
	console.log(`  Credential "${CREDENTIAL.name}" → WeChat sandbox ${sandbox.url} (AppID wx_sandbox_app)`);
	console.log('  Example workflows:');
	for (const f of examples) {
		const wf = readJson(f);
		console.log(`    ${n8n.url}/workflow/${wf.id}   ${wf.name}`);
	}
	console.log('  Press Ctrl-C to stop n8n and the sandbox.');
	console.log(line);
}

main().catch(async (e) => {
	console.error(`npm start failed: ${e.stack || e.message || e}`);
	if (running.n8n) await running.n8n.stop().catch(() => undefined);
	if (running.sandbox) await running.sandbox.stop().catch(() => undefined);
	process.exit(1);
});
