// @ts-check
'use strict';
/**
 * `npm start` imports an example only when it is missing from the n8n user folder or unchanged since the last
 * import, so edits made in the editor survive the next start. What was imported is remembered as a hash of its
 * name, nodes and connections in <user folder>/examples-imported.json; the stored copy is read straight from
 * n8n's SQLite database with the runtime's Node (node:sqlite), before n8n starts.
 *
 * An example that reads a file (07's product photo) reads it from n8n's files folder, <user folder>/n8n-files
 * (N8N_RESTRICT_FILE_ACCESS_TO): the sample files of examples/files/ are placed there, and the example is imported
 * with the absolute path of its file in that folder (prepareExamples).
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const { TRIGGER_TYPE, WECOM_TRIGGER_TYPE } = require('./names');

/**
 * @typedef {import('./n8nProcess').Runtime} Runtime
 * @typedef {{ id: string, name: string, nodes: { type: string, parameters?: Record<string, unknown> }[], connections: object }} Workflow
 * @typedef {{ id: string, name: string, nodes: string, connections: string, published: boolean }} StoredWorkflow
 */

const STATE_FILE = 'examples-imported.json';
const SAMPLE_FILES = path.join(__dirname, '..', '..', '..', 'examples', 'files');

/** n8n's files folder in a user folder: the one folder its file nodes may read (see filesEnv). @param {string} userFolder */
function filesFolder(userFolder) {
	return path.join(userFolder, 'n8n-files');
}

/** The environment that makes filesFolder() n8n's files folder. @param {string} userFolder */
function filesEnv(userFolder) {
	return { N8N_RESTRICT_FILE_ACCESS_TO: filesFolder(userFolder) };
}

/**
 * Copies the sample files into n8n's files folder, and writes each example as it is imported: a file node's path
 * whose file name is a sample file points at that file there. Returns the paths of the prepared copies.
 * @param {string} userFolder @param {string[]} files
 */
function prepareExamples(userFolder, files) {
	const folder = filesFolder(userFolder);
	fs.mkdirSync(folder, { recursive: true });
	const samples = fs.existsSync(SAMPLE_FILES) ? fs.readdirSync(SAMPLE_FILES) : [];
	for (const name of samples) fs.copyFileSync(path.join(SAMPLE_FILES, name), path.join(folder, name));
	const out = path.join(userFolder, 'examples-prepared');
	fs.rmSync(out, { recursive: true, force: true });
	fs.mkdirSync(out, { recursive: true });
	return files.map((file) => {
		/** @type {Workflow} */
		const wf = JSON.parse(fs.readFileSync(file, 'utf8'));
		for (const node of wf.nodes) {
			const selector = node.parameters && node.parameters.fileSelector;
			if (node.parameters && typeof selector === 'string' && samples.includes(path.basename(selector))) {
				node.parameters.fileSelector = path.join(folder, path.basename(selector));
			}
		}
		const copy = path.join(out, path.basename(file));
		fs.writeFileSync(copy, `${JSON.stringify(wf, null, 2)}\n`);
		return copy;
	});
}

/** Whether a workflow receives pushes (it starts with the WeChat or the WeCom Customer Service Trigger): published, never run with `n8n execute`. @param {Workflow} wf */
function receivesPushes(wf) {
	return wf.nodes.some((n) => n.type === TRIGGER_TYPE || n.type === WECOM_TRIGGER_TYPE);
}

/** `value` with the keys of every object sorted. @param {unknown} value @returns {unknown} */
function sorted(value) {
	if (Array.isArray(value)) return value.map(sorted);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sorted(v)]));
	}
	return value;
}

/** What the user can change of a workflow in the editor, hashed independently of key order. @param {Pick<Workflow, 'name' | 'nodes' | 'connections'>} wf */
function contentHash(wf) {
	const content = sorted({ name: wf.name, nodes: wf.nodes, connections: wf.connections });
	return crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

const READ_DB = `
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(process.argv[1], { readOnly: true });
const rows = db.prepare('SELECT * FROM workflow_entity').all();
process.stdout.write(JSON.stringify(rows.map((r) => ({
	id: r.id, name: r.name, nodes: r.nodes, connections: r.connections, published: Boolean(r.activeVersionId || r.active),
}))));
`;

/** The workflows stored in the user folder's database (none when there is none yet). @param {Runtime} rt @param {string} userFolder @returns {StoredWorkflow[]} */
function storedWorkflows(rt, userFolder) {
	const db = path.join(userFolder, '.n8n', 'database.sqlite');
	if (!fs.existsSync(db)) return [];
	const r = spawnSync(rt.nodeBin, ['--no-warnings', '-e', READ_DB, db], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`cannot read the workflows of ${db}: ${(r.stderr || '').slice(-500)}`);
	return JSON.parse(r.stdout);
}

/** Ids of the workflows published in the user folder's database. @param {Runtime} rt @param {string} userFolder */
function publishedIds(rt, userFolder) {
	return new Set(storedWorkflows(rt, userFolder).filter((row) => row.published).map((row) => row.id));
}

/** @param {string} userFolder @returns {Record<string, string>} id → content hash at the last import */
function readState(userFolder) {
	try {
		return JSON.parse(fs.readFileSync(path.join(userFolder, STATE_FILE), 'utf8'));
	} catch {
		return {};
	}
}

/**
 * Splits example files into those to import (missing, or unchanged since the last import) and those kept
 * because the stored copy was edited (or predates this record and differs from the file). `toPublish`: the
 * imported examples that receive pushes and were published before (an import unpublishes them; the user's
 * unpublishing is kept) or are new to this user folder.
 * @param {Runtime} rt @param {string} userFolder @param {string[]} files
 */
function selectExamples(rt, userFolder, files) {
	const stored = new Map(
		storedWorkflows(rt, userFolder).map((row) => [
			row.id,
			{
				published: row.published,
				hash: contentHash({ name: row.name, nodes: JSON.parse(row.nodes || '[]'), connections: JSON.parse(row.connections || '{}') }),
			},
		]),
	);
	const state = readState(userFolder);
	/** @type {string[]} */
	const toImport = [];
	/** @type {string[]} */
	const kept = [];
	/** @type {string[]} */
	const toPublish = [];
	for (const file of files) {
		const wf = JSON.parse(fs.readFileSync(file, 'utf8'));
		const now = stored.get(wf.id);
		const unchanged = now === undefined || now.hash === state[wf.id] || now.hash === contentHash(wf);
		(unchanged ? toImport : kept).push(file);
		if (unchanged && receivesPushes(wf) && (now === undefined || now.published)) toPublish.push(wf.id);
	}
	return { toImport, kept, toPublish };
}

/** Remembers what was imported (the import stores name, nodes and connections as they are in the file). @param {string} userFolder @param {string[]} files */
function recordImported(userFolder, files) {
	const state = readState(userFolder);
	for (const file of files) {
		const wf = JSON.parse(fs.readFileSync(file, 'utf8'));
		state[wf.id] = contentHash(wf);
	}
	fs.writeFileSync(path.join(userFolder, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

module.exports = { contentHash, selectExamples, publishedIds, recordImported, prepareExamples, filesFolder, filesEnv, receivesPushes, STATE_FILE };
