'use strict';
/**
 * `npm run test:e2e`: the package in a real n8n.
 *
 *   1. workflow checks (test-e2e/checks.js): every example and e2e-only workflow, each run with `n8n execute --id` against a
 *      freshly seeded sandbox; node outputs and the sandbox's received requests are asserted
 *   2. token reuse: under `n8n start`, two REST-triggered runs of one workflow make exactly one token request
 *   3. editor: headless Chromium signs in, opens an example workflow and our node's panel, saves screenshots, and checks
 *      the node, its icon and the Resource/Operation fields render
 *   4. n8n 1.x: the package loads into the newest n8n 1.x on the system Node and runs one workflow
 *   5. coverage: every resource the built node offers is exercised by a passing check
 *
 * Options:  --no-build  --skip-workflows  --skip-browser  --skip-1x  --update-screenshot (copy to docs/)
 *           --only=<text in check names> (runs just those workflow checks)
 * Env:      WECHAT_CS_N8N_CACHE (cache folder), E2E_STRICT=1 (skips count as failures), CHROMIUM_PATH
 * Output:   logs and screenshots in .e2e-artifacts/; the last line is "e2e: N passed, N failed".
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const { REPO_ROOT, cacheRoot, ensureRuntime, n8nCli, parseExecuteOutput, nodeOutput, run, runtimes } = require('./runtime');
const { NODE_TYPE, OWNER, buildPackage, startSandbox, prepareUserFolder, startN8n, Rest, workflowFiles, readJson, freePort } =
	require('./instance');

const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const only = (argv.find((a) => a.startsWith('--only=')) || '').slice(7);
const STRICT = process.env.E2E_STRICT === '1';
const ARTIFACTS = path.join(REPO_ROOT, '.e2e-artifacts');
const PUPPETEER_VERSION = '24.43.1';
const TOKEN_WORKFLOW = 'wcsExAgents000001';
const BROWSER_WORKFLOW = 'wcsExAgents000001';
const BROWSER_NODE = 'All agents';

const results = [];
const timings = {};
const tStart = Date.now();

function record(name, status, secs, detail = '') {
	results.push({ name, status, secs, detail });
	const mark = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' }[status];
	console.log(`${mark}  ${name} (${secs.toFixed(1)}s)${detail ? `\n      ${detail.split('\n').join('\n      ')}` : ''}`);
}

async function phase(name, fn) {
	const t0 = Date.now();
	try {
		const detail = await fn();
		if (detail && detail.skip) record(name, 'skip', (Date.now() - t0) / 1000, detail.skip);
		else record(name, 'pass', (Date.now() - t0) / 1000, typeof detail === 'string' ? detail : '');
	} catch (e) {
		record(name, 'fail', (Date.now() - t0) / 1000, (e && (e.stack || e.message)) || String(e));
	}
}

/** resource → Set(operation) the built node offers (read from dist/). */
function offeredOperations() {
	const file = path.join(REPO_ROOT, 'dist', 'nodes', 'WeChatCustomerService', 'WeChatCustomerService.node.js');
	const mod = require(file);
	const NodeClass = mod.WeChatCustomerService;
	const props = new NodeClass().description.properties;
	const offered = new Map();
	const resource = props.find((p) => p.name === 'resource');
	for (const r of resource.options) offered.set(r.value, new Set());
	for (const p of props.filter((x) => x.name === 'operation')) {
		const rs = (p.displayOptions && p.displayOptions.show && p.displayOptions.show.resource) || [];
		for (const r of rs) for (const o of p.options) offered.get(r) && offered.get(r).add(o.value);
	}
	return { offered, defaults: { resource: resource.default } };
}

/** resource.operation pairs a workflow uses. */
function usedOperations(wf, defaults) {
	return wf.nodes
		.filter((n) => n.type === NODE_TYPE)
		.map((n) => `${n.parameters.resource || defaults.resource}.${n.parameters.operation || 'getAll'}`);
}

async function restartSandbox(state, port) {
	if (state.sb) await state.sb.stop();
	state.sb = await startSandbox({ port, seed: 'demo' });
	return state.sb;
}

async function workflowChecks(rt, userFolder, sandboxState, sandboxPort, allWorkflows, offered, defaults, covered) {
	const checks = require(path.join(REPO_ROOT, 'test-e2e', 'checks.js'));
	const byId = new Map(allWorkflows.map((f) => [readJson(f).id, readJson(f)]));
	let brokerPort = 5800 + (process.pid % 100) * 2;
	for (const check of checks) {
		if (only && !check.name.includes(only)) continue;
		const name = `workflow: ${check.name}`;
		const wf = byId.get(check.workflow);
		if (!wf) {
			record(name, 'fail', 0, `workflow ${check.workflow} is not in examples/ or test-e2e/workflows/`);
			continue;
		}
		const used = usedOperations(wf, defaults);
		const missing = used.filter((u) => {
			const [r, o] = u.split('.');
			return !(offered.get(r) && offered.get(r).has(o));
		});
		if (missing.length) {
			record(name, STRICT ? 'fail' : 'skip', 0, `the built node does not offer ${[...new Set(missing)].join(', ')} yet`);
			continue;
		}
		await phase(name, async () => {
			const sb = await restartSandbox(sandboxState, sandboxPort);
			if (check.setup) await check.setup(sb);
			sb.clearRequests();
			const r = await n8nCli(rt, userFolder, ['execute', `--id=${check.workflow}`, '--rawOutput'], {
				N8N_LOG_FORMAT: 'json',
				N8N_RUNNERS_BROKER_PORT: String(brokerPort++),
			});
			const logName = `execute-${check.workflow}.jsonl`;
			fs.writeFileSync(path.join(ARTIFACTS, logName), r.stdout + (r.stderr ? `\n--- stderr ---\n${r.stderr}` : ''));
			const { run: result, errorText } = parseExecuteOutput(r.stdout);
			const expected = check.exitCode === undefined ? 0 : check.exitCode;
			if (r.code !== expected) {
				const why = errorText || (result && JSON.stringify(result.data.resultData.error)) || r.stdout.slice(-1500);
				throw new Error(`n8n execute exited ${r.code}, expected ${expected} (log: .e2e-artifacts/${logName})\n${why}`);
			}
			if (expected === 0 && (!result || result.status !== 'success')) {
				throw new Error(`execution status ${result && result.status}: ${result && JSON.stringify(result.data.resultData.error)}`);
			}
			const out = (node, outputIndex = 0) => nodeOutput(result, node, outputIndex);
			const binary = (node) => {
				const runs = result && result.data.resultData.runData[node];
				const item = runs && runs[0].data && runs[0].data.main[0] && runs[0].data.main[0][0];
				return item && item.binary;
			};
			await check.assert({ run: result, out, binary, sb, stdout: r.stdout, errorText });
			for (const u of used) covered.add(u);
			return `n8n execute ${r.secs.toFixed(1)}s, ${sb.requests.length} sandbox requests`;
		});
	}
}

async function tokenReuseAndEditor(rt, userFolder, sandboxState, sandboxPort, offered) {
	const port = await freePort();
	const logFile = path.join(ARTIFACTS, 'n8n-start.log');
	fs.writeFileSync(logFile, '');
	let server;
	const t0 = Date.now();
	try {
		server = await startN8n(rt, userFolder, {
			port,
			logFile,
			extraEnv: { N8N_RUNNERS_BROKER_PORT: String(5790 + (process.pid % 5)) },
		});
	} catch (e) {
		record('n8n start: ready', 'fail', (Date.now() - t0) / 1000, e.message);
		return;
	}
	timings.n8nStartReady = server.readySecs;
	record('n8n start: ready', 'pass', server.readySecs, `http://127.0.0.1:${port}`);
	const rest = new Rest(server.url);
	try {
		await phase('n8n start: owner setup and node type listed', async () => {
			await rest.ownerSession();
			const types = await rest.call('GET', '/types/nodes.json');
			const ours = (Array.isArray(types) ? types : types.data || []).filter((t) => t.name === NODE_TYPE);
			if (!ours.length) throw new Error(`${NODE_TYPE} is not in /types/nodes.json (check ${logFile})`);
			return `${ours[0].displayName}, icon ${JSON.stringify(ours[0].iconUrl || ours[0].icon)}`;
		});
		await phase('token reuse: two REST runs under n8n start make one token request', async () => {
			const sb = await restartSandbox(sandboxState, sandboxPort);
			sb.clearRequests();
			const a = await rest.runWorkflow(TOKEN_WORKFLOW);
			const b = await rest.runWorkflow(TOKEN_WORKFLOW);
			if (a.status !== 'success' || b.status !== 'success') throw new Error(`runs ended ${a.status} / ${b.status}`);
			const tokens = sb.tokenRequests().length;
			const kf = sb.requests.length - tokens;
			if (tokens !== 1) throw new Error(`expected exactly 1 token request for 2 runs, the sandbox saw ${tokens}`);
			if (kf !== 4) throw new Error(`expected 4 kf API calls (2 nodes × 2 runs), the sandbox saw ${kf}`);
			return `executions ${a.executionId} and ${b.executionId}: 1 token request, ${kf} API calls`;
		});
		if (flag('--skip-browser')) {
			record('editor: node panel renders in Chromium', STRICT ? 'fail' : 'skip', 0, '--skip-browser');
		} else {
			await phase('editor: node panel renders in Chromium', () => editorCheck(server.url, offered));
		}
	} finally {
		const t1 = Date.now();
		await server.stop();
		timings.n8nStop = (Date.now() - t1) / 1000;
	}
}

function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
	return candidates.find((c) => c && fs.existsSync(c));
}

async function ensureBrowserTools() {
	let chromium = findChromium();
	if (!chromium) {
		const isRoot = process.getuid && process.getuid() === 0;
		if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
			throw new Error('Chromium not found: install Debian\'s chromium (apt-get install -y chromium) or set CHROMIUM_PATH');
		}
		console.log('[e2e] installing Chromium: apt-get update && apt-get install -y chromium');
		const t0 = Date.now();
		await run('apt-get', ['update', '-qq'], { quiet: true });
		await run('apt-get', ['install', '-y', '-qq', 'chromium'], { quiet: true, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		timings.chromiumInstall = (Date.now() - t0) / 1000;
		chromium = findChromium();
		if (!chromium) throw new Error('apt-get install chromium finished but no chromium binary was found');
	}
	// The screenshot for docs/ shows Chinese nicknames and emoji; CI does not need the fonts.
	if (flag('--update-screenshot') && !fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) {
		if (process.getuid && process.getuid() === 0 && fs.existsSync('/usr/bin/apt-get')) {
			await run('apt-get', ['install', '-y', '-qq', 'fonts-noto-cjk', 'fonts-noto-color-emoji'], {
				quiet: true,
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			});
		} else console.log('[e2e] fonts-noto-cjk is missing: Chinese text in the screenshot will show as boxes');
	}
	const dir = path.join(cacheRoot(), `browser-tools-puppeteer-core-${PUPPETEER_VERSION}`);
	const stamp = path.join(dir, '.installed');
	if (!fs.existsSync(stamp)) {
		const t0 = Date.now();
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'wechat-cs-browser-tools', private: true }, null, 2));
		await run('npm', ['install', `puppeteer-core@${PUPPETEER_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: dir,
			quiet: true,
		});
		fs.writeFileSync(stamp, new Date().toISOString());
		timings.puppeteerInstall = (Date.now() - t0) / 1000;
	}
	return { chromium, puppeteer: require(path.join(dir, 'node_modules', 'puppeteer-core')) };
}

async function editorCheck(baseUrl) {
	const { chromium, puppeteer } = await ensureBrowserTools();
	const browser = await puppeteer.launch({
		executablePath: chromium,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'],
	});
	const notes = [];
	try {
		const page = await browser.newPage();
		await page.setViewport({ width: 1440, height: 900 });
		const offsite = [];
		const iconResponses = [];
		page.on('request', (req) => {
			const u = new URL(req.url());
			if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) offsite.push(req.url());
		});
		page.on('response', (res) => {
			if (/wechat.*\.svg/i.test(res.url())) iconResponses.push(`${res.status()} ${res.url()}`);
		});

		await page.goto(`${baseUrl}/signin`, { waitUntil: 'networkidle2', timeout: 60000 });
		const emailSel = 'input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]';
		await page.waitForSelector(emailSel, { timeout: 60000 });
		await page.type(emailSel, OWNER.email);
		await page.type('input[type="password"]', OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: 30000 });

		await page.goto(`${baseUrl}/workflow/${BROWSER_WORKFLOW}`, { waitUntil: 'networkidle2', timeout: 60000 });
		const nodeSel = `[data-test-id="canvas-node"][data-node-name="${BROWSER_NODE}"], [data-test-id="canvas-node"]`;
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60000 });
		const node = await page.evaluateHandle((name) => {
			const nodes = [...document.querySelectorAll('[data-test-id="canvas-node"]')];
			return nodes.find((n) => n.getAttribute('data-node-name') === name || n.textContent.includes(name)) || null;
		}, BROWSER_NODE);
		if (!node || !(await node.evaluate((n) => !!n))) throw new Error(`canvas node "${BROWSER_NODE}" not found (${nodeSel})`);
		// Icon: the node shows an <img> of our SVG that loaded.
		await page.waitForFunction(
			(name) => {
				const n = [...document.querySelectorAll('[data-test-id="canvas-node"]')].find(
					(x) => x.getAttribute('data-node-name') === name || x.textContent.includes(name),
				);
				const img = n && [...n.querySelectorAll('img')].find((i) => /wechat/i.test(i.src));
				return !!(img && img.complete && img.naturalWidth > 0);
			},
			{ timeout: 20000 },
			BROWSER_NODE,
		).catch(() => {
			throw new Error(`the node's icon did not render (icon responses: ${iconResponses.join(', ') || 'none'})`);
		});
		notes.push(`icon ${iconResponses[0] || 'loaded'}`);
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-canvas.png') });

		// Open the node panel (NDV) and check the parameters.
		await node.click({ count: 2 });
		await page.waitForSelector('[data-test-id="ndv"], .ndv-wrapper', { timeout: 30000 });
		await page.waitForFunction(
			() => {
				const ndv = document.querySelector('[data-test-id="ndv"]') || document.querySelector('.ndv-wrapper');
				const text = ndv ? ndv.innerText : '';
				return /Resource/.test(text) && /Operation/.test(text);
			},
			{ timeout: 30000 },
		).catch(async () => {
			const text = await page.evaluate(() => (document.querySelector('[data-test-id="ndv"]') || document.body).innerText.slice(0, 800));
			throw new Error(`the node panel shows no Resource/Operation fields:\n${text}`);
		});
		const panel = await page.evaluate(() => {
			const ndv = document.querySelector('[data-test-id="ndv"]') || document.querySelector('.ndv-wrapper');
			const values = [...ndv.querySelectorAll('input')].map((i) => i.value).filter(Boolean);
			const imgs = [...ndv.querySelectorAll('img')].filter((i) => /wechat/i.test(i.src) && i.naturalWidth > 0).length;
			return { text: ndv.innerText, values, imgs };
		});
		for (const want of ['Agent', 'Get Many']) {
			if (!panel.values.includes(want) && !panel.text.includes(want)) throw new Error(`the node panel does not show "${want}" (inputs: ${panel.values.join(' | ')})`);
		}
		if (!panel.text.includes('WeChat Sandbox') && !panel.values.some((v) => /WeChat sandbox/i.test(v))) {
			notes.push('credential name not visible in the panel');
		}
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-node-panel-empty.png') });
		// Run the node from its panel, as a user would, and wait for the agents in the output pane.
		const execSel = '[data-test-id="node-execute-button"]';
		await page.waitForSelector(execSel, { timeout: 10000 });
		await page.click(execSel);
		await page.waitForFunction(
			() => {
				const ndv = document.querySelector('[data-test-id="ndv"]') || document.querySelector('.ndv-wrapper');
				return ndv && ndv.innerText.includes('alice@sandbox_oa');
			},
			{ timeout: 30000 },
		).catch(() => {
			throw new Error('"Execute step" in the node panel did not show the sandbox agents');
		});
		notes.push('Execute step in the panel listed the agents');
		await new Promise((r) => setTimeout(r, 500));
		const shot = path.join(ARTIFACTS, 'editor-node-panel.png');
		await page.screenshot({ path: shot });
		if (flag('--update-screenshot')) {
			fs.mkdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true });
			fs.copyFileSync(shot, path.join(REPO_ROOT, 'docs', 'editor-node-panel.png'));
			notes.push('docs/editor-node-panel.png updated');
		}
		// Every example opens on the canvas with all its nodes, and none is flagged as unknown/uninstalled.
		for (const file of workflowFiles(path.join(REPO_ROOT, 'examples'))) {
			const wf = readJson(file);
			const expected = wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').length;
			await page.goto(`${baseUrl}/workflow/${wf.id}`, { waitUntil: 'networkidle2', timeout: 60000 });
			await page
				.waitForFunction((n) => document.querySelectorAll('[data-test-id="canvas-node"]').length >= n, { timeout: 30000 }, expected)
				.catch(async () => {
					const found = await page.evaluate(() => document.querySelectorAll('[data-test-id="canvas-node"]').length);
					throw new Error(`example ${wf.id} shows ${found} of ${expected} nodes on the canvas`);
				});
			const broken = await page.evaluate(() =>
				/Install this node|node is not currently installed|Unrecognized node type/i.test(document.body.innerText),
			);
			if (broken) throw new Error(`example ${wf.id}: the editor reports a node it does not know`);
			await page.screenshot({ path: path.join(ARTIFACTS, `editor-example-${wf.id}.png`) });
		}
		notes.push('all examples open on the canvas');
		if (offsite.length) throw new Error(`the editor requested off-machine URLs: ${[...new Set(offsite)].slice(0, 5).join(', ')}`);
		notes.push(`panel inputs: ${panel.values.slice(0, 4).join(' | ')}`);
		return `${notes.join('; ')}; screenshots in .e2e-artifacts/`;
	} finally {
		await browser.close();
	}
}

let runtime1x = null;

/** `npm start` itself (without the build, done already): ready banner, the node and examples served, Ctrl-C stops all. */
async function npmStartCheck() {
	const { spawn } = require('child_process');
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-start-'));
	const [n8nPort, sandboxPort] = [await freePort(), await freePort()];
	const child = spawn(process.execPath, [path.join(__dirname, 'start.js'), '--no-build'], {
		env: { ...process.env, N8N_PORT: String(n8nPort), SANDBOX_PORT: String(sandboxPort), WECHAT_CS_START_USER_FOLDER: userFolder },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	try {
		const t0 = Date.now();
		while (!out.includes('Press Ctrl-C') && Date.now() - t0 < 120000) {
			if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out.slice(-2000)}`);
			await new Promise((r) => setTimeout(r, 500));
		}
		if (!out.includes('Press Ctrl-C')) throw new Error(`npm start was not ready within 120s:\n${out.slice(-2000)}`);
		for (const want of [`http://127.0.0.1:${n8nPort}`, OWNER.email, OWNER.password, `http://127.0.0.1:${sandboxPort}`]) {
			if (!out.includes(want)) throw new Error(`npm start did not print ${want}:\n${out}`);
		}
		const rest = new Rest(`http://127.0.0.1:${n8nPort}`);
		await rest.ownerSession();
		const wfs = (await rest.call('GET', '/rest/workflows')).data;
		const examples = workflowFiles(path.join(REPO_ROOT, 'examples')).map((f) => readJson(f).id);
		const missing = examples.filter((id) => !wfs.some((w) => w.id === id));
		if (missing.length) throw new Error(`examples missing in npm start's n8n: ${missing.join(', ')}`);
		const readySecs = (Date.now() - t0) / 1000;
		child.kill('SIGINT');
		const t1 = Date.now();
		const r = await Promise.race([exited, new Promise((res) => setTimeout(() => res(null), 30000))]);
		if (!r) throw new Error('npm start did not stop within 30s of Ctrl-C');
		if (r.code !== 0) throw new Error(`npm start exited ${JSON.stringify(r)} after Ctrl-C:\n${out.slice(-1500)}`);
		for (const port of [n8nPort, sandboxPort]) {
			const still = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
			if (still) throw new Error(`127.0.0.1:${port} still answers after Ctrl-C`);
		}
		return `ready in ${readySecs.toFixed(0)}s with ${examples.length} examples; Ctrl-C stopped n8n and the sandbox in ${((Date.now() - t1) / 1000).toFixed(1)}s`;
	} finally {
		if (child.exitCode === null) child.kill('SIGKILL');
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

async function n8n1x(sandboxState, sandboxPort) {
	const t0 = Date.now();
	const rt = await (runtime1x || ensureRuntime('1x'));
	timings.runtime1xWait = (Date.now() - t0) / 1000;
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-1x-'));
	try {
		const sb = await restartSandbox(sandboxState, sandboxPort);
		const example = workflowFiles(path.join(REPO_ROOT, 'examples')).find((f) => readJson(f).id === TOKEN_WORKFLOW);
		await prepareUserFolder(rt, userFolder, { sandboxUrl: sb.url, workflows: [example] });
		sb.clearRequests();
		const r = await n8nCli(rt, userFolder, ['execute', `--id=${TOKEN_WORKFLOW}`, '--rawOutput'], {
			N8N_LOG_FORMAT: 'json',
			N8N_RUNNERS_BROKER_PORT: String(5798),
		});
		fs.writeFileSync(path.join(ARTIFACTS, 'execute-1x.jsonl'), r.stdout + r.stderr);
		let { run: result, errorText } = parseExecuteOutput(r.stdout);
		if (!result) {
			// n8n 1.x may print the raw JSON unwrapped: take the outermost object that starts a line.
			const i = r.stdout.search(/^\{/m);
			try {
				result = JSON.parse(r.stdout.slice(i, r.stdout.lastIndexOf('}') + 1));
			} catch {
				/* keep null */
			}
		}
		if (r.code !== 0 || !result || result.status !== 'success') {
			throw new Error(`n8n ${rt.n8nVersion} execute exited ${r.code}: ${errorText || r.stdout.slice(-1500)}`);
		}
		const agents = nodeOutput(result, 'All agents');
		const online = nodeOutput(result, 'Online agents');
		if (!agents || agents.length !== sb.state.agents.length) throw new Error(`All agents gave ${agents && agents.length} items`);
		if (!online || online.length !== sb.state.online.size) throw new Error(`Online agents gave ${online && online.length} items`);
		const nodeVersion = spawnSync(rt.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
		return `n8n ${rt.n8nVersion} on Node ${nodeVersion}: ${agents.length} agents, ${online.length} online (execute ${r.secs.toFixed(1)}s)`;
	} finally {
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

async function main() {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	if (!flag('--no-build')) {
		const t0 = Date.now();
		await buildPackage({ quiet: true });
		timings.build = (Date.now() - t0) / 1000;
	}
	let t0 = Date.now();
	// On a cold cache the 1.x runtime installs alongside 2.x (two npm ci's and two sqlite3 compiles overlap well on
	// 2 cores); the 1.x phase awaits it at the end.
	runtime1x = flag('--skip-1x') || only ? null : ensureRuntime('1x');
	if (runtime1x) runtime1x.catch(() => undefined);
	const rt = await ensureRuntime('2');
	timings.runtime2 = (Date.now() - t0) / 1000;

	const { offered, defaults } = offeredOperations();
	const covered = new Set();
	const sandboxPort = await freePort();
	const sandboxState = { sb: null };
	const sb = await restartSandbox(sandboxState, sandboxPort);
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-'));
	let ok = false;
	try {
		const allWorkflows = [...workflowFiles(path.join(REPO_ROOT, 'examples')), ...workflowFiles(path.join(REPO_ROOT, 'test-e2e', 'workflows'))];
		t0 = Date.now();
		const prep = await prepareUserFolder(rt, userFolder, { sandboxUrl: sb.url, workflows: allWorkflows });
		timings.prepare = (Date.now() - t0) / 1000;
		record(
			`setup: n8n ${rt.n8nVersion} user folder with the package, credential and ${allWorkflows.length} workflows`,
			'pass',
			timings.prepare,
			`import:credentials ${prep.importCredentials.toFixed(1)}s, import:workflow ${prep.importWorkflows.toFixed(1)}s`,
		);

		t0 = Date.now();
		if (!flag('--skip-workflows')) {
			await workflowChecks(rt, userFolder, sandboxState, sandboxPort, allWorkflows, offered, defaults, covered);
		}
		timings.workflowChecks = (Date.now() - t0) / 1000;

		if (!only) {
			t0 = Date.now();
			await tokenReuseAndEditor(rt, userFolder, sandboxState, sandboxPort, offered);
			timings.startPhase = (Date.now() - t0) / 1000;

			await phase('npm start: prints URL and login, serves the examples, Ctrl-C stops n8n and the sandbox', npmStartCheck);

			if (flag('--skip-1x')) record('n8n 1.x: package loads and runs', STRICT ? 'fail' : 'skip', 0, '--skip-1x');
			else await phase(`n8n 1.x (${runtimes()['1x'].n8nVersion}, system Node ${process.version}): package loads and runs a workflow`, () => n8n1x(sandboxState, sandboxPort));

			for (const [resource, ops] of flag('--skip-workflows') ? [] : offered) {
				const done = [...ops].filter((o) => covered.has(`${resource}.${o}`));
				const name = `coverage: resource "${resource}" runs in real n8n`;
				const left = [...ops].filter((o) => !done.includes(o));
				if (done.length) record(name, 'pass', 0, `${done.join(', ')}${left.length ? `; not exercised: ${left.join(', ')}` : ''}`);
				else record(name, 'fail', 0, `no passing e2e check uses resource "${resource}" (operations: ${[...ops].join(', ')})`);
			}
		}
		ok = true;
	} finally {
		if (sandboxState.sb) await sandboxState.sb.stop();
		if (ok && !process.env.E2E_KEEP_USER_FOLDER) fs.rmSync(userFolder, { recursive: true, force: true });
		else console.log(`[e2e] user folder kept: ${userFolder}`);
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
