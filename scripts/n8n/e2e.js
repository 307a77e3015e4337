'use strict';
/**
 * `npm run test:e2e`: the package in a real n8n. This file is the runner; the checks are one file each under
 * checks/, run in the order of checks/index.js: setup (user folder), the workflow checks of test-e2e/checks.js,
 * `n8n start` (ready, node type listed, token reuse, the editor in headless Chromium), `npm start` itself, n8n 1.x
 * on the system Node, and coverage (every resource the built node offers ran in a passing check).
 *
 * Options:  --no-build  --skip-workflows  --skip-browser  --skip-1x  --update-screenshot (copy to docs/)
 *           --only=<text>  run just the checks whose name contains <text> (the setup always runs), e.g.
 *                          npm run test:e2e -- --no-build --only="token reuse"
 * Env:      WECHAT_CS_N8N_CACHE (cache folder), E2E_STRICT=1 (skips count as failures), CHROMIUM_PATH
 * Output:   logs and screenshots in .e2e-artifacts/; the last line is "e2e: N passed, N failed".
 *
 * Adding a check: create checks/<name>.js and list it in checks/index.js. A check module exports
 *   { name,                      string, or (ctx) => string
 *     needs: 'n8n',              optional: runs while the shared `n8n start` is up (started on first need, stopped
 *                                before the next check that does not need it)
 *     skipFlag: '--skip-x',      optional: the flag that skips it (a failure under E2E_STRICT=1)
 *     always: true,              optional: runs even with --only
 *     async run(ctx) }           returns a detail string, or { skip }, { fail }, { detail, secs }; throwing fails it
 * or a function (ctx) => [checks] when the list depends on the build (see checks/workflows.js).
 * ctx: rt (n8n 2.x runtime), userFolder, workflows (files), offered (resource → Set of operations of the built node),
 * defaults, covered (Set of "resource.operation" that passed), artifacts, timings, flag(f),
 * restartSandbox() (a fresh demo-seeded sandbox on the suite's port), n8n() → { url, rest, logFile, readySecs },
 * runtime1x() → the n8n 1.x runtime, prepareUserFolder().
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { REPO_ROOT, ensureRuntime } = require('./runtime');
const { buildPackage, startSandbox, prepareUserFolder, startN8n, Rest, workflowFiles } = require('./instance');
const { freePort } = require('./lib/ports');
const CHECKS = require('./checks');

const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const only = (argv.find((a) => a.startsWith('--only=')) || '').slice(7);
const STRICT = process.env.E2E_STRICT === '1';
const ARTIFACTS = path.join(REPO_ROOT, '.e2e-artifacts');

const results = [];
const timings = {};
const tStart = Date.now();

function record(name, status, secs, detail = '') {
	results.push({ name, status, secs, detail });
	const mark = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' }[status];
	console.log(`${mark}  ${name} (${secs.toFixed(1)}s)${detail ? `\n      ${detail.split('\n').join('\n      ')}` : ''}`);
}

async function runCheck(ctx, check) {
	const name = typeof check.name === 'function' ? check.name(ctx) : check.name;
	if (only && !check.always && !name.includes(only)) return;
	if (check.needs !== 'n8n') await ctx.stopN8n();
	if (check.skipFlag && flag(check.skipFlag)) return record(name, STRICT ? 'fail' : 'skip', 0, check.skipFlag);
	const t0 = Date.now();
	try {
		const r = await check.run(ctx);
		const secs = r && r.secs !== undefined ? r.secs : (Date.now() - t0) / 1000;
		if (r && r.skip) record(name, STRICT ? 'fail' : 'skip', secs, r.skip);
		else if (r && r.fail) record(name, 'fail', secs, r.fail);
		else record(name, 'pass', secs, typeof r === 'string' ? r : (r && r.detail) || '');
	} catch (e) {
		record(name, 'fail', (Date.now() - t0) / 1000, (e && (e.stack || e.message)) || String(e));
	}
}

/** resource → Set(operation) the built node offers (read from dist/), and the Resource default. */
function offeredOperations() {
	const file = path.join(REPO_ROOT, 'dist', 'nodes', 'WeChatCustomerService', 'WeChatCustomerService.node.js');
	const props = new (require(file).WeChatCustomerService)().description.properties;
	const offered = new Map();
	const resource = props.find((p) => p.name === 'resource');
	for (const r of resource.options) offered.set(r.value, new Set());
	for (const p of props.filter((x) => x.name === 'operation')) {
		for (const r of (p.displayOptions && p.displayOptions.show && p.displayOptions.show.resource) || []) {
			for (const o of p.options) if (offered.get(r)) offered.get(r).add(o.value);
		}
	}
	return { offered, defaults: { resource: resource.default } };
}

/** The context every check gets (see the header). */
async function createContext(rt) {
	const sandboxPort = await freePort();
	let sb = null;
	let server = null;
	let runtime1x = null;
	const workflows = [...workflowFiles(path.join(REPO_ROOT, 'examples')), ...workflowFiles(path.join(REPO_ROOT, 'test-e2e', 'workflows'))];
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-'));
	const ctx = {
		rt,
		userFolder,
		workflows,
		...offeredOperations(),
		covered: new Set(),
		artifacts: ARTIFACTS,
		timings,
		flag,
		async restartSandbox() {
			if (sb) await sb.stop();
			sb = await startSandbox({ port: sandboxPort, seed: 'demo' });
			return sb;
		},
		async prepareUserFolder() {
			const t0 = Date.now();
			const prep = await prepareUserFolder(rt, userFolder, { sandboxUrl: (await ctx.restartSandbox()).url, workflows });
			timings.prepare = (Date.now() - t0) / 1000;
			return prep;
		},
		n8n() {
			server ??= (async () => {
				const logFile = path.join(ARTIFACTS, 'n8n-start.log');
				fs.writeFileSync(logFile, '');
				const n8n = await startN8n(rt, userFolder, { port: await freePort(), logFile });
				timings.n8nStartReady = n8n.readySecs;
				return { ...n8n, rest: new Rest(n8n.url) };
			})();
			return server;
		},
		async stopN8n() {
			if (!server) return;
			const starting = server;
			server = null;
			const n8n = await starting.catch(() => null);
			if (!n8n) return;
			const t0 = Date.now();
			await n8n.stop();
			timings.n8nStop = (Date.now() - t0) / 1000;
		},
		runtime1x() {
			runtime1x ??= ensureRuntime('1x');
			return runtime1x;
		},
		async close() {
			await ctx.stopN8n();
			if (sb) await sb.stop();
		},
	};
	return ctx;
}

async function main() {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	if (!flag('--no-build')) {
		const t0 = Date.now();
		await buildPackage({ quiet: true });
		timings.build = (Date.now() - t0) / 1000;
	}
	const t0 = Date.now();
	// On a cold cache the 1.x runtime installs alongside 2.x (two npm ci's and two sqlite3 compiles overlap well on
	// 2 cores); the 1.x check awaits it near the end.
	const early1x = flag('--skip-1x') || only ? null : ensureRuntime('1x');
	if (early1x) early1x.catch(() => undefined);
	const rt = await ensureRuntime('2');
	timings.runtime2 = (Date.now() - t0) / 1000;
	const ctx = await createContext(rt);
	if (early1x) ctx.runtime1x = () => early1x;
	let ok = false;
	try {
		for (const entry of CHECKS) {
			for (const check of typeof entry === 'function' ? entry(ctx) : [entry]) await runCheck(ctx, check);
		}
		ok = true;
	} finally {
		await ctx.close();
		if (ok && !process.env.E2E_KEEP_USER_FOLDER) fs.rmSync(ctx.userFolder, { recursive: true, force: true });
		else console.log(`[e2e] user folder kept: ${ctx.userFolder}`);
	}
}

main()
	.catch((e) => record('e2e runner', 'fail', (Date.now() - tStart) / 1000, e.stack || e.message))
	.finally(() => {
		const passed = results.filter((r) => r.status === 'pass').length;
		const failed = results.filter((r) => r.status === 'fail').length;
		const skipped = results.filter((r) => r.status === 'skip');
		timings.total = (Date.now() - tStart) / 1000;
		console.log(`\ntimings (s): ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
		if (skipped.length) console.log(`skipped ${skipped.length}: ${skipped.map((s) => s.name).join('; ')}`);
		fs.writeFileSync(path.join(ARTIFACTS, 'e2e-results.json'), JSON.stringify({ results, timings }, null, 2));
		console.log(`e2e: ${passed} passed, ${failed} failed`);
		process.exit(failed ? 1 : 0);
	});
