'use strict';
/**
 * Helpers shared by `npm start` and the e2e runner: build the package, start the sandbox, prepare an n8n user folder
 * (package + credential + workflows), run `n8n start`, and talk to its REST API as the owner.
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const { REPO_ROOT, n8nCli, n8nEnv, installPackageInto, run } = require('./runtime');
const { freePort, portFree } = require('./lib/ports');

const NODE_TYPE = 'n8n-nodes-wechat-customer-service.weChatCustomerService';
const CREDENTIAL_TYPE = 'weChatOfficialAccountApi';
/** The credential every example and e2e workflow references. */
const CREDENTIAL = { id: 'sandboxCred0001', name: 'WeChat sandbox' };
/** The push credential the trigger examples reference (the sandbox pushes with it). */
const PUSH_CREDENTIAL = { id: 'sandboxPush0001', name: 'WeChat sandbox push', type: 'weChatOfficialAccountPushApi' };
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'WeChat-Demo-2026' };
const BROWSER_ID = 'wechat-cs-local-browser';

/** `npm run build` + `npm run build:dev` in the repo. */
async function buildPackage({ quiet = false } = {}) {
	for (const script of ['build', 'build:dev']) {
		const r = await run('npm', ['run', script, '--silent'], { cwd: REPO_ROOT, quiet });
		if (!quiet) console.log(`[build] npm run ${script}: ${r.secs}s`);
	}
}

/** The sandbox module as built into build-dev/ (npm run build:dev): server, demo data and the demo credential. */
function sandboxModule() {
	const entry = path.join(REPO_ROOT, 'build-dev', 'sandbox');
	try {
		return require(entry);
	} catch (e) {
		throw new Error(`Cannot load the sandbox from ${entry} (run \`npm run build:dev\`): ${e.message}`);
	}
}

/** Starts the sandbox from build-dev/. */
async function startSandbox({ port = 0, seed = 'demo' } = {}) {
	return await sandboxModule().startSandbox({ port, host: '127.0.0.1', seed });
}

/** The demo credential's data for a sandbox at `sandboxUrl` (defined once, in sandbox/demoCredential.ts). */
function credentialData(sandboxUrl) {
	return sandboxModule().sandboxCredentialData(sandboxUrl);
}

/** Workflow JSON files of a directory (sorted). */
function workflowFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => path.join(dir, f));
}

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function cli(rt, userFolder, args, label) {
	const r = await n8nCli(rt, userFolder, args);
	if (r.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${r.code}) [${label}]\n${(r.stdout + r.stderr).slice(-3000)}`);
	}
	return r;
}

/**
 * Prepares a user folder: loads the package as a community package, imports the sandbox credential and the given
 * workflow files (one `import:workflow --separate` call for all of them). Returns timings.
 */
async function prepareUserFolder(rt, userFolder, { sandboxUrl, workflows }) {
	const t = {};
	fs.mkdirSync(userFolder, { recursive: true });
	let t0 = Date.now();
	await installPackageInto(userFolder);
	t.package = (Date.now() - t0) / 1000;

	const importDir = path.join(userFolder, 'import');
	fs.rmSync(importDir, { recursive: true, force: true });
	fs.mkdirSync(path.join(importDir, 'workflows'), { recursive: true });
	const credFile = path.join(importDir, 'credentials.json');
	fs.writeFileSync(
		credFile,
		JSON.stringify(
			[
				{ ...CREDENTIAL, type: CREDENTIAL_TYPE, data: credentialData(sandboxUrl) },
				{ ...PUSH_CREDENTIAL, data: sandboxModule().sandboxPushCredentialData() },
			],
			null,
			2,
		),
	);
	t0 = Date.now();
	await cli(rt, userFolder, ['import:credentials', `--input=${credFile}`], 'credential');
	t.importCredentials = (Date.now() - t0) / 1000;

	const seen = new Map();
	for (const file of workflows) {
		const wf = readJson(file);
		if (!wf.id) throw new Error(`${path.relative(REPO_ROOT, file)} has no "id"; give every workflow a fixed id`);
		if (seen.has(wf.id)) throw new Error(`workflow id ${wf.id} is used by ${seen.get(wf.id)} and ${file}`);
		seen.set(wf.id, file);
		fs.copyFileSync(file, path.join(importDir, 'workflows', path.basename(file)));
	}
	if (workflows.length) {
		t0 = Date.now();
		await cli(rt, userFolder, ['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`], 'workflows');
		t.importWorkflows = (Date.now() - t0) / 1000;
	}
	return t;
}

/**
 * `n8n start` on a user folder. Resolves once /healthz/readiness answers 200.
 * Returns { child, url, stop(), logFile }. The child runs in its own process group so that the caller decides
 * when and how it stops (one SIGTERM, then SIGKILL of the group after a grace period).
 */
async function startN8n(rt, userFolder, { port = 5678, logFile, extraEnv = {}, echo = false, readyTimeoutMs = 120000 } = {}) {
	if (!(await portFree(port))) {
		throw new Error(`127.0.0.1:${port} is already in use (another n8n?). Stop it or choose another port.`);
	}
	const env = n8nEnv(rt, userFolder, { N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv });
	const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
	const child = spawn(rt.nodeBin, [rt.n8nBin, 'start'], {
		env,
		cwd: userFolder,
		detached: true,
		stdio: ['ignore', echo ? 'pipe' : out, echo ? 'pipe' : out],
	});
	if (echo) {
		for (const s of [child.stdout, child.stderr]) {
			s.on('data', (d) => {
				process.stdout.write(d);
				if (logFile) fs.appendFileSync(logFile, d);
			});
		}
	}
	let exited = null;
	const exitPromise = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			resolve(exited);
		}),
	);
	const url = `http://127.0.0.1:${port}`;
	const stop = async (graceMs = 15000) => {
		if (exited) return exited;
		try {
			process.kill(child.pid, 'SIGTERM');
		} catch {
			/* already gone */
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}, graceMs);
		const r = await exitPromise;
		clearTimeout(timer);
		// The JS task runner is a child of n8n; make sure nothing of the group is left.
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			/* group gone */
		}
		return r;
	};
	const started = Date.now();
	while (Date.now() - started < readyTimeoutMs) {
		if (exited) {
			const tail = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-3000) : '';
			throw new Error(`n8n start exited early (${JSON.stringify(exited)})\n${tail}`);
		}
		try {
			const res = await fetch(`${url}/healthz/readiness`);
			if (res.status === 200) return { child, url, stop, logFile, readySecs: (Date.now() - started) / 1000 };
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	await stop();
	throw new Error(`n8n did not become ready within ${readyTimeoutMs / 1000}s`);
}

/** A response body as JSON, or undefined when it is not JSON (an HTML error page, a proxy's text). */
function jsonOrUndefined(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Minimal REST client holding the n8n-auth cookie. */
class Rest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
	}

	async call(method, p, body) {
		const headers = { 'browser-id': BROWSER_ID, accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookie) headers.cookie = this.cookie;
		const res = await fetch(this.baseUrl + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const setCookie = res.headers.getSetCookie ? res.headers.getSetCookie() : [];
		for (const c of setCookie) {
			const m = /^(n8n-auth=[^;]*)/.exec(c);
			if (m) this.cookie = m[1];
		}
		const text = await res.text();
		const json = jsonOrUndefined(text);
		if (!res.ok) {
			const err = new Error(`${method} ${p} → ${res.status}: ${text.slice(0, 500)}`);
			err.status = res.status;
			throw err;
		}
		return json;
	}

	/** Sets up the owner on a fresh instance, or logs in as the owner. */
	async ownerSession() {
		const settings = await this.call('GET', '/rest/settings');
		const um = (settings.data || settings).userManagement || {};
		if (um.showSetupOnFirstLoad) {
			await this.call('POST', '/rest/owner/setup', OWNER);
			return 'created';
		}
		try {
			await this.call('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		} catch (e) {
			if (e.status !== 400 && e.status !== 404 && e.status !== 422) throw e;
			// n8n 1.x calls the field "email"
			await this.call('POST', '/rest/login', { email: OWNER.email, password: OWNER.password });
		}
		return 'login';
	}

	/** Runs a saved workflow manually (as the editor does) and waits until the execution finishes. */
	async runWorkflow(workflowId, { timeoutMs = 60000 } = {}) {
		const wf = (await this.call('GET', `/rest/workflows/${workflowId}`)).data;
		const trigger = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
		const started = await this.call('POST', `/rest/workflows/${workflowId}/run`, {
			workflowData: wf,
			...(trigger ? { triggerToStartFrom: { name: trigger.name } } : {}),
		});
		const executionId = started.data && started.data.executionId;
		if (!executionId) throw new Error(`run of ${workflowId} returned no executionId: ${JSON.stringify(started).slice(0, 300)}`);
		const t0 = Date.now();
		while (Date.now() - t0 < timeoutMs) {
			const ex = (await this.call('GET', `/rest/executions/${executionId}`)).data;
			if (ex && ex.finished !== undefined && ex.status && !['new', 'running', 'waiting'].includes(ex.status)) {
				return { executionId, status: ex.status, execution: ex };
			}
			await new Promise((r) => setTimeout(r, 300));
		}
		throw new Error(`execution ${executionId} of ${workflowId} did not finish within ${timeoutMs / 1000}s`);
	}
}

module.exports = {
	NODE_TYPE,
	CREDENTIAL_TYPE,
	CREDENTIAL,
	PUSH_CREDENTIAL,
	OWNER,
	BROWSER_ID,
	buildPackage,
	sandboxModule,
	startSandbox,
	credentialData,
	portFree,
	freePort,
	workflowFiles,
	readJson,
	jsonOrUndefined,
	prepareUserFolder,
	startN8n,
	Rest,
};
