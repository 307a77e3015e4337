// @ts-check
'use strict';
/**
 * The package as users get it: the packed tarball (what npm pack lists), installed with no network in a fresh
 * <user folder>/.n8n/nodes the way n8n's Community Nodes installer runs npm and the way n8n's docs tell people to
 * install by hand (lib/package.js), then `n8n start` on that folder (n8n 2.x and 1.x): both nodes and both
 * credentials are listed, no n8n-workflow came with the package (the nodes use n8n's own), and an example workflow
 * runs against the sandbox.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { runtimes } = require('../../runtime');
const { prepareUserFolder, exampleFile } = require('../../instance');
const { NODE_TYPE, TRIGGER_TYPE, CREDENTIAL_TYPE, PUSH_CREDENTIAL_TYPE } = require('../../lib/names');
const { startN8n } = require('../../lib/n8nProcess');
const { installPackageInto, packTarball } = require('../../lib/package');
const { freePort } = require('../../lib/ports');
const { REPO_ROOT } = require('../../lib/proc');
const { Rest } = require('../../lib/rest');

const PACKAGE = NODE_TYPE.split('.')[0];
const NODE_TYPES = [NODE_TYPE, TRIGGER_TYPE];
const CREDENTIAL_TYPES = [CREDENTIAL_TYPE, PUSH_CREDENTIAL_TYPE];
const WORKFLOW = 'wcsExAgents000001';
const HOW = {
	installer: "as n8n's Community Nodes installer runs npm",
	plain: 'by hand (a plain npm install)',
};

/** Every folder named n8n-workflow inside a node_modules under `dir`. @param {string} dir */
function n8nWorkflowCopies(dir) {
	/** @type {string[]} */
	const found = [];
	/** @param {string} d */
	const walk = (d) => {
		for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
			if (!entry.isDirectory()) continue;
			const full = path.join(d, entry.name);
			if (entry.name === 'n8n-workflow' && path.basename(d) === 'node_modules') found.push(full);
			else walk(full);
		}
	};
	walk(dir);
	return found;
}

/** @param {any} list */
const namesOf = (list) => new Set((Array.isArray(list) ? list : list.data || []).map((/** @type {{ name: string }} */ t) => t.name));

/** @type {import('..').E2eCheck} */
const packList = {
	name: 'package: npm pack lists only dist/ (no maps, no declarations), package.json, README.md and LICENSE.md',
	async run() {
		const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-pack-'));
		try {
			const { files } = await packTarball(temp);
			const stray = files.filter((f) => !/^dist\/.+\.(js|json|svg)$/.test(f) && !['package.json', 'README.md', 'LICENSE.md'].includes(f));
			if (stray.length) throw new Error(`the tarball holds ${stray.join(', ')}`);
			const loaded = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).n8n;
			const missing = [...loaded.nodes, ...loaded.credentials].filter((f) => !files.includes(f));
			if (missing.length) throw new Error(`the tarball lacks what n8n loads: ${missing.join(', ')}`);
			return `${files.length} files, ${files.filter((f) => f.startsWith('dist/')).length} under dist/`;
		} finally {
			fs.rmSync(temp, { recursive: true, force: true });
		}
	},
};

/**
 * The package installed `how` into a fresh user folder of runtime `rtKey`, then n8n started on it.
 * @param {'2' | '1x'} rtKey @param {'installer' | 'plain'} how @returns {import('..').E2eCheck}
 */
function installCheck(rtKey, how) {
	return {
		name: `install ${HOW[how]}, offline, into n8n ${runtimes()[rtKey].n8nVersion}: both nodes and credentials load, n8n's own n8n-workflow, a workflow runs`,
		skipFlag: rtKey === '1x' ? '--skip-1x' : undefined,
		async run(ctx) {
			const rt = rtKey === '1x' ? await ctx.runtime1x() : ctx.rt;
			const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `wechat-cs-e2e-install-${how}-`));
			let n8n = null;
			try {
				const sb = await ctx.restartSandbox();
				const example = exampleFile(WORKFLOW);
				// The credential and the workflow go in through n8n's CLI (as in every check); the package is then
				// installed afresh, the way this check is about, into an empty nodes folder.
				await prepareUserFolder(rt, userFolder, { sandboxUrl: sb.url, workflows: [example] });
				fs.rmSync(path.join(userFolder, '.n8n', 'nodes'), { recursive: true, force: true });
				const t0 = Date.now();
				const { nodesDir } = await installPackageInto(userFolder, { how });
				const installSecs = (Date.now() - t0) / 1000;
				const copies = n8nWorkflowCopies(path.join(userFolder, '.n8n'));
				if (copies.length) throw new Error(`the install brought its own n8n-workflow: ${copies.join(', ')}`);
				const installed = fs.readdirSync(path.join(nodesDir, 'node_modules')).filter((e) => !e.startsWith('.'));
				if (installed.join() !== PACKAGE) throw new Error(`node_modules holds ${installed.join(', ')}, not just ${PACKAGE}`);

				const logFile = path.join(ctx.artifacts, `n8n-install-${how}-${rtKey}.log`);
				fs.writeFileSync(logFile, '');
				n8n = await startN8n(rt, userFolder, { port: await freePort(), logFile });
				const rest = new Rest(n8n.url);
				await rest.waitReady();
				await rest.ownerSession();
				const nodes = namesOf(await rest.call('GET', '/types/nodes.json'));
				const credentials = namesOf(await rest.call('GET', '/types/credentials.json'));
				const notLoaded = [...NODE_TYPES.filter((t) => !nodes.has(t)), ...CREDENTIAL_TYPES.filter((t) => !credentials.has(t))];
				if (notLoaded.length) throw new Error(`n8n did not load ${notLoaded.join(', ')} (log: ${logFile})`);

				sb.clearRequests();
				const run = await rest.runWorkflow(WORKFLOW);
				if (run.status !== 'success') throw new Error(`workflow ${WORKFLOW} ended ${run.status} (log: ${logFile})`);
				const calls = sb.requestsTo('/cgi-bin/customservice/getkflist').length;
				if (!calls) throw new Error(`workflow ${WORKFLOW} succeeded but the sandbox saw no getkflist call`);
				return `npm install ${installSecs.toFixed(1)}s; n8n ready in ${n8n.readySecs.toFixed(1)}s; ${NODE_TYPES.length} nodes and ${CREDENTIAL_TYPES.length} credentials listed; no n8n-workflow under .n8n; ${WORKFLOW} ran (${calls} getkflist call)`;
			} finally {
				if (n8n) await n8n.stop();
				fs.rmSync(userFolder, { recursive: true, force: true });
			}
		},
	};
}

module.exports = [packList, ...(/** @type {const} */ (['installer', 'plain'])).flatMap((how) => (/** @type {const} */ (['2', '1x'])).map((rtKey) => installCheck(rtKey, how)))];
