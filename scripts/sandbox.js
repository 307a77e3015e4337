#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run sandbox -- …`: runs the sandbox CLI (sandbox/cli.ts) from build-dev/, what `npm start` and
 * `npm run build:dev` compiled. It compiles first only when a TypeScript source (or a tsconfig) is newer than
 * the compiled CLI, so a push takes well under a second instead of a full compile. A busy port is one line naming
 * the process that holds it.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const { describePortOwner } = require('./n8n/lib/portOwner');
const { REPO_ROOT: ROOT } = require('./n8n/lib/proc');
const { COMPILED, loadSandbox } = require('./n8n/lib/sandbox');

const COMPILED_CLI = path.join(COMPILED, 'cli.js');
/** What build-dev/sandbox is compiled from: the sandbox and the node code it imports. */
const SOURCES = ['sandbox', 'nodes', 'credentials'];

/** @param {string} dir @returns {number} */
function newestSource(dir) {
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
		else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
	}
	return newest;
}

function stale() {
	if (!fs.existsSync(COMPILED_CLI)) return true;
	const built = fs.statSync(COMPILED_CLI).mtimeMs;
	const configs = ['tsconfig.json', 'tsconfig.dev.json'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs);
	return Math.max(...configs, ...SOURCES.map((d) => newestSource(path.join(ROOT, d)))) > built;
}

function compile() {
	console.error('Compiling the sandbox (a source changed since the last build: npm run build:dev)...');
	const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
	const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.dev.json')], { stdio: 'inherit', cwd: ROOT });
	// tsc still writes JavaScript when it reports a type error elsewhere (a test file): run it if it is there.
	if (r.status !== 0 && !fs.existsSync(COMPILED_CLI)) process.exit(r.status ?? 1);
	// tsc leaves a file it did not change untouched: mark the build as current.
	const now = new Date();
	fs.utimesSync(COMPILED_CLI, now, now);
}

function main() {
	if (stale()) compile();
	const { runCli } = loadSandbox('cli');
	runCli(process.argv.slice(2)).then(
		(code) => {
			if (code !== undefined) process.exit(code);
		},
		(error) => {
			if (error && error.code === 'EADDRINUSE') {
				const port = error.port;
				console.error(
					`Port ${port} on 127.0.0.1 is in use by ${describePortOwner(port)}. Stop it, or choose another port: --port N (or SANDBOX_PORT).`,
				);
			} else {
				console.error(`npm run sandbox failed: ${error && error.message ? error.message : error}`);
			}
			process.exit(1);
		},
	);
}

main();
