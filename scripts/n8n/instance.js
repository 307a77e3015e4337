// @ts-check
'use strict';
/**
 * What `npm start`, the e2e checks and the benchmarks share: building the package and preparing an n8n user folder
 * (package + demo credentials + workflows).
 */
const fs = require('fs');
const path = require('path');

const { REPO_ROOT, run } = require('./lib/proc');
const { CREDENTIAL, CREDENTIAL_TYPE, PUSH_CREDENTIAL } = require('./lib/names');
const { installPackageInto } = require('./lib/package');
const { n8nCliOk } = require('./lib/n8nProcess');
const { loadSandbox, weComDemoCredentials } = require('./lib/sandbox');

/** @typedef {import('./lib/n8nProcess').Runtime} Runtime */


/** `npm run build` + `npm run build:dev` in the repo. */
async function buildPackage({ quiet = false } = {}) {
	for (const script of ['build', 'build:dev']) {
		const r = await run('npm', ['run', script, '--silent'], { cwd: REPO_ROOT, quiet });
		if (!quiet) console.log(`[build] npm run ${script}: ${r.secs}s`);
	}
}

/** Workflow JSON files of a directory (sorted). @param {string} dir */
function workflowFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => path.join(dir, f));
}

/** @param {string} file @returns {any} */
function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The file of the example workflow with this id. @param {string} id */
function exampleFile(id) {
	const file = workflowFiles(path.join(REPO_ROOT, 'examples')).find((f) => readJson(f).id === id);
	if (!file) throw new Error(`no workflow in examples/ has the id ${id}`);
	return file;
}

/** The demo credentials (Official Account and WeCom) for a sandbox at `sandboxUrl`, as `n8n import:credentials` reads them. @param {string} sandboxUrl */
function demoCredentials(sandboxUrl) {
	const sandbox = loadSandbox('');
	return [
		{ ...CREDENTIAL, type: CREDENTIAL_TYPE, data: sandbox.sandboxCredentialData(sandboxUrl) },
		{ ...PUSH_CREDENTIAL, data: sandbox.sandboxPushCredentialData() },
		...weComDemoCredentials(sandboxUrl),
	];
}

/** Copies workflow files into `dir`, refusing one without an id or two with the same. @param {string[]} files @param {string} dir */
function stageWorkflows(files, dir) {
	const seen = new Map();
	for (const file of files) {
		const wf = readJson(file);
		if (!wf.id) throw new Error(`${path.relative(REPO_ROOT, file)} has no "id"; give every workflow a fixed id`);
		if (seen.has(wf.id)) throw new Error(`workflow id ${wf.id} is used by ${seen.get(wf.id)} and ${file}`);
		seen.set(wf.id, file);
		fs.copyFileSync(file, path.join(dir, path.basename(file)));
	}
}

/**
 * Prepares a user folder: loads the package as a community package, imports the sandbox credentials and the given
 * workflow files (one `import:workflow --separate` call for all of them). Returns seconds per step.
 * @param {Runtime} rt @param {string} userFolder @param {{ sandboxUrl: string, workflows: string[] }} options
 */
async function prepareUserFolder(rt, userFolder, { sandboxUrl, workflows }) {
	const t = { package: 0, importCredentials: 0, importWorkflows: 0 };
	fs.mkdirSync(userFolder, { recursive: true });
	let t0 = Date.now();
	await installPackageInto(userFolder);
	t.package = (Date.now() - t0) / 1000;

	const importDir = path.join(userFolder, 'import');
	fs.rmSync(importDir, { recursive: true, force: true });
	fs.mkdirSync(path.join(importDir, 'workflows'), { recursive: true });
	const credFile = path.join(importDir, 'credentials.json');
	fs.writeFileSync(credFile, JSON.stringify(demoCredentials(sandboxUrl), null, 2));
	t0 = Date.now();
	await n8nCliOk(rt, userFolder, ['import:credentials', `--input=${credFile}`]);
	t.importCredentials = (Date.now() - t0) / 1000;

	stageWorkflows(workflows, path.join(importDir, 'workflows'));
	if (workflows.length) {
		t0 = Date.now();
		await n8nCliOk(rt, userFolder, ['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`]);
		t.importWorkflows = (Date.now() - t0) / 1000;
	}
	return t;
}

/**
 * Marks a workflow published before `n8n start` (2.x: publish:workflow; 1.x: update:workflow --active=true).
 * @param {Runtime} rt @param {string} userFolder @param {string} id
 */
async function publish(rt, userFolder, id) {
	const args = rt.key === '1x' ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`];
	await n8nCliOk(rt, userFolder, args);
}

module.exports = {
	// CREDENTIAL: also read by bench/recordsN8n.ts, through this module.
	CREDENTIAL,
	buildPackage,
	workflowFiles,
	readJson,
	exampleFile,
	prepareUserFolder,
	publish,
};
