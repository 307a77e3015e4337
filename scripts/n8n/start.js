// @ts-check
'use strict';
/**
 * `npm start`: a real n8n on http://127.0.0.1:5678 with this package loaded, the demo credentials (Official Account
 * and WeCom) pointing at the WeChat sandbox (seeded with demo data, WeCom customers included) and the example
 * workflows. Nothing leaves the machine.
 *
 * Options:  --fresh        wipe the n8n user folder first (owner, executions, your own workflows)
 *           --no-build     skip `npm run build` / `npm run build:dev`
 * Env:      N8N_PORT (5678), SANDBOX_PORT (8787), WECHAT_CS_N8N_CACHE (cache folder),
 *           WECHAT_CS_START_USER_FOLDER (n8n user folder, default <cache>/start-user),
 *           GENERIC_TIMEZONE or TZ (n8n's time zone; default Asia/Shanghai, the product's home)
 * Ctrl-C, SIGTERM and SIGHUP (also to npm, or npm exiting) stop n8n and the sandbox.
 *
 * First use installs Node 24 + n8n 2.41.1 into the cache folder (scripts/n8n/runtime.js; ~7-10 min, ~3 GB).
 * The n8n user folder is <cache>/start-user and is kept between runs (owner, executions, your own workflows);
 * the credential is re-imported on every start (the sandbox URL may change), an example only when it is missing
 * or unchanged since the last import (lib/examples.js), so your edits to an example are kept. The examples that
 * receive pushes are published, and again after a re-import unless the user unpublished them; the sample files of
 * examples/files/ go to n8n's files folder, <user folder>/n8n-files.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const { cacheRoot, ensureRuntime } = require('./runtime');
const { buildPackage, prepareUserFolder, publish, workflowFiles, readJson } = require('./instance');
const { selectExamples, publishedIds, recordImported, prepareExamples, filesEnv, filesFolder, receivesPushes } = require('./lib/examples');
const { startN8n } = require('./lib/n8nProcess');
const { CREDENTIAL, PUSH_CREDENTIAL, WECOM_CREDENTIAL, WECOM_CALLBACK_CREDENTIAL } = require('./lib/names');
const { describePortOwner } = require('./lib/portOwner');
const { portFree } = require('./lib/ports');
const { REPO_ROOT } = require('./lib/proc');
const { OWNER, Rest } = require('./lib/rest');
const { loadSandbox, startSandbox } = require('./lib/sandbox');

/**
 * @typedef {import('./lib/n8nProcess').Runtime} Runtime
 * @typedef {import('./lib/n8nProcess').StartedN8n} StartedN8n
 * @typedef {import('./lib/sandbox').KfSandbox} KfSandbox
 */

const args = new Set(process.argv.slice(2));
/**
 * What is running, so that a failure half-way still stops it.
 * @type {{ n8n: StartedN8n | null, n8nStarting: Promise<StartedN8n> | null, sandbox: KfSandbox | null, stopping: boolean }}
 */
const running = { n8n: null, n8nStarting: null, sandbox: null, stopping: false };

/** A failure the user can act on: its message says it all, so no stack trace is printed. */
class StartProblem extends Error {}

/** @param {number} n8nPort @param {number} sandboxPort */
async function assertPortsFree(n8nPort, sandboxPort) {
	/** @type {[string, number, string][]} */
	const ports = [
		['n8n', n8nPort, 'N8N_PORT'],
		['the sandbox', sandboxPort, 'SANDBOX_PORT'],
	];
	for (const [what, port, env] of ports) {
		if (!(await portFree(port))) {
			throw new StartProblem(`Port ${port} (for ${what}) is in use on 127.0.0.1 by ${describePortOwner(port)}. Stop it, or set ${env}.`);
		}
	}
}

/**
 * Ctrl-C, SIGTERM, SIGHUP or n8n exiting stop n8n and the sandbox, then the process.
 * @param {string} why
 */
async function shutdown(why) {
	if (running.stopping) return;
	running.stopping = true;
	console.log(`\n${why}: stopping n8n and the sandbox...`);
	// n8n runs in its own process group, so a signal to ours never reaches it: stop it here, even mid-start.
	if (!running.n8n && running.n8nStarting) running.n8n = await running.n8nStarting.catch(/** @returns {null} */ () => null);
	if (running.n8n) await running.n8n.stop();
	if (running.sandbox) await running.sandbox.stop();
	running.sandbox = null;
	console.log('Stopped.');
	process.exit(0);
}

/** @param {Runtime} rt @param {string} userFolder @param {number} port */
async function startN8nOn(rt, userFolder, port) {
	const logFile = path.join(userFolder, 'n8n.log');
	console.log(`Starting n8n ${rt.n8nVersion} on Node ${execFileSync(rt.nodeBin, ['--version']).toString().trim()} (log: ${logFile})...`);
	const n8n = await startN8n(rt, userFolder, { port, logFile, extraEnv: { ...timeZoneEnv(), ...filesEnv(userFolder) } });
	n8n.child.on('exit', (code, signal) => {
		if (!running.stopping) {
			console.error(`n8n exited unexpectedly (${signal || code}); see ${logFile}`);
			void shutdown('n8n exited');
		}
	});
	return n8n;
}

/** Asia/Shanghai unless the user chose a zone: GENERIC_TIMEZONE (n8n's own), else TZ. */
function timeZoneEnv() {
	const zone = process.env.GENERIC_TIMEZONE || process.env.TZ || 'Asia/Shanghai';
	return { GENERIC_TIMEZONE: zone, TZ: process.env.TZ || zone };
}

/** npm forwards SIGINT and SIGTERM to this script but not SIGHUP: when npm itself goes away, stop too. */
function stopWithParent() {
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) void shutdown('parent process exited');
	}, 1000).unref();
}

/**
 * Imports the examples that are missing or unchanged, then publishes those that receive pushes, unless the user
 * unpublished them: an import leaves a workflow unpublished.
 * @param {Runtime} rt @param {string} userFolder @param {KfSandbox} sandbox @param {string[]} examples
 */
async function importExamples(rt, userFolder, sandbox, examples) {
	const prepared = prepareExamples(userFolder, examples);
	const { toImport, kept, toPublish } = selectExamples(rt, userFolder, prepared);
	console.log(`Preparing n8n user folder ${userFolder} (package, credential, ${toImport.length} of ${examples.length} example workflows)...`);
	for (const f of kept) {
		console.log(`  Keeping your edited copy of "${readJson(f).name}" (delete it in n8n, or start with --fresh, to get the example again)`);
	}
	await prepareUserFolder(rt, userFolder, { sandboxUrl: sandbox.url, workflows: toImport });
	recordImported(userFolder, toImport);
	for (const id of toPublish) await publish(rt, userFolder, id);
}

/**
 * The credentials as the dialogs ask for them, to create them by hand (sandbox secrets: fine to print).
 * @param {KfSandbox} sandbox
 */
function printCredentials(sandbox) {
	const sb = loadSandbox('');
	const push = sb.sandboxPushCredentialData();
	console.log(`  Credential "${CREDENTIAL.name}" (WeChat Official Account API), to create it by hand:`);
	console.log(`    Token Source: Stable Token   AppID: ${sb.SANDBOX_APP_ID}   AppSecret: ${sb.SANDBOX_APP_SECRET}`);
	console.log(`    API Host: Custom Base URL   Base URL: ${sandbox.url}`);
	console.log(`  Credential "${PUSH_CREDENTIAL.name}" (WeChat Official Account Server Push):`);
	console.log(`    Token: ${push.token}   EncodingAESKey: ${push.encodingAESKey}   AppID: ${push.appId}`);
	const corp = sb.SANDBOX_WECOM;
	console.log(`  Credential "${WECOM_CREDENTIAL.name}" (WeCom Customer Service API):`);
	console.log(`    CorpID: ${corp.corpId}   Secret: ${corp.secret}   API Host: Custom Base URL   Base URL: ${sandbox.url}`);
	console.log(`  Credential "${WECOM_CALLBACK_CREDENTIAL.name}" (WeCom Customer Service Callback API):`);
	console.log(`    Token: ${corp.callbackToken}   EncodingAESKey: ${corp.encodingAESKey}   CorpID: ${corp.corpId}`);
}

/**
 * What the user needs: URLs, sign-in, credentials, time zone, files folder, examples and push URLs.
 * @param {{ rt: Runtime, n8n: StartedN8n, sandbox: KfSandbox, session: string, examples: string[], published: Set<string>,
 *   userFolder: string, secs: number }} started
 */
function printBanner({ rt, n8n, sandbox, session, examples, published, userFolder, secs }) {
	const line = '─'.repeat(72);
	console.log(`\n${line}`);
	console.log(`  n8n ${rt.n8nVersion} is ready:  ${n8n.url}   (${secs.toFixed(0)}s)`);
	console.log(`  Sign in:  email ${OWNER.email}   password ${OWNER.password}${session === 'created' ? '   (owner just created)' : ''}`);
	console.log(`  WeChat sandbox (demo data): ${sandbox.url}`);
	printCredentials(sandbox);
	console.log(`  Time zone: ${timeZoneEnv().GENERIC_TIMEZONE}${process.env.GENERIC_TIMEZONE || process.env.TZ ? '' : ' (set GENERIC_TIMEZONE to change)'}`);
	console.log(`  n8n's files folder (Read/Write Files from Disk): ${filesFolder(userFolder)}`);
	console.log('  Example workflows:');
	for (const f of examples) {
		const wf = readJson(f);
		console.log(`    ${n8n.url}/workflow/${wf.id}   ${wf.name}`);
	}
	for (const wf of examples.map(readJson).filter(receivesPushes)) {
		const trigger = wf.nodes.find((/** @type {{ webhookId?: string }} */ n) => n.webhookId);
		const url = `${n8n.url}/webhook/${trigger.webhookId}/webhook`;
		console.log(`  "${wf.name}" ${published.has(wf.id) ? 'is published' : 'is not published (publish it in the editor to receive pushes)'}; its Server URL:`);
		console.log(`    ${url}`);
	}
	console.log('  Push a customer message:  npm run sandbox -- push --url <Server URL> --content "你好"   (see README: Try it with the sandbox)');
	console.log(`  A WeCom customer writes (陈小姐 and Tom of 售后服务 and 李先生 of 预约咨询 can be answered; see docs/wecom-sandbox.md):`);
	console.log(`    curl -s ${sandbox.url}/sandbox/wecom/customer-message -d '{"open_kfid":"wkAfterSalesDemo0000000000000000","external_userid":"wmChenDemo0000000000000000000000","msgtype":"text","content":"还在吗？"}'`);
	console.log('  Press Ctrl-C to stop n8n and the sandbox.');
	console.log(line);
}

async function main() {
	const t0 = Date.now();
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(signal === 'SIGINT' ? 'Ctrl-C' : signal));
	stopWithParent();
	const n8nPort = Number(process.env.N8N_PORT || 5678);
	const sandboxPort = Number(process.env.SANDBOX_PORT || 8787);
	await assertPortsFree(n8nPort, sandboxPort);
	if (!args.has('--no-build')) {
		console.log('Building the package (npm run build, npm run build:dev)...');
		await buildPackage();
	}
	const rt = await ensureRuntime('2');
	const userFolder = process.env.WECHAT_CS_START_USER_FOLDER || path.join(cacheRoot(), 'start-user');
	if (args.has('--fresh')) fs.rmSync(userFolder, { recursive: true, force: true });

	const sandbox = await startSandbox({ port: sandboxPort, seed: 'demo' });
	running.sandbox = sandbox;
	console.log(`WeChat sandbox (demo data) on ${sandbox.url}`);

	const examples = workflowFiles(path.join(REPO_ROOT, 'examples'));
	await importExamples(rt, userFolder, sandbox, examples);
	const published = publishedIds(rt, userFolder);
	if (running.stopping) return;
	running.n8nStarting = startN8nOn(rt, userFolder, n8nPort);
	const n8n = await running.n8nStarting;
	running.n8n = n8n;
	if (running.stopping) return;
	const session = await new Rest(n8n.url).ownerSession();
	printBanner({ rt, n8n, sandbox, session, examples, published, userFolder, secs: (Date.now() - t0) / 1000 });
}

main().catch(async (e) => {
	console.error(`npm start failed: ${e instanceof StartProblem ? e.message : e.stack || e.message || e}`);
	if (running.n8n) await running.n8n.stop().catch(/** @returns {undefined} */ () => undefined);
	if (running.sandbox) await running.sandbox.stop().catch(/** @returns {undefined} */ () => undefined);
	process.exit(1);
});
