'use strict';
/**
 * `npm start` imports an example only when it is missing from the n8n user folder or unchanged since the last
 * import, so edits made in the editor survive the next start. What was imported is remembered as a hash of its
 * name, nodes and connections in <user folder>/examples-imported.json; the stored copy is read straight from
 * n8n's SQLite database with the runtime's Node (node:sqlite), before n8n starts.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const STATE_FILE = 'examples-imported.json';

function sorted(value) {
	if (Array.isArray(value)) return value.map(sorted);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
	}
	return value;
}

/** What the user can change of a workflow in the editor, hashed independently of key order. */
function contentHash(wf) {
	const content = sorted({ name: wf.name, nodes: wf.nodes, connections: wf.connections });
	return crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

const READ_DB = `
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(process.argv[1], { readOnly: true });
const rows = db.prepare('SELECT id, name, nodes, connections FROM workflow_entity').all();
process.stdout.write(JSON.stringify(rows));
`;

/** id → hash of the workflows stored in the user folder's database (empty when there is none yet). */
function storedHashes(rt, userFolder) {
	const db = path.join(userFolder, '.n8n', 'database.sqlite');
	if (!fs.existsSync(db)) return new Map();
	const r = spawnSync(rt.nodeBin, ['--no-warnings', '-e', READ_DB, db], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`cannot read the workflows of ${db}: ${(r.stderr || '').slice(-500)}`);
	const rows = JSON.parse(r.stdout);
	return new Map(
		rows.map((row) => [
			row.id,
			contentHash({ name: row.name, nodes: JSON.parse(row.nodes || '[]'), connections: JSON.parse(row.connections || '{}') }),
		]),
	);
}

function readState(userFolder) {
	try {
		return JSON.parse(fs.readFileSync(path.join(userFolder, STATE_FILE), 'utf8'));
	} catch {
		return {};
	}
}

/**
 * Splits example files into those to import (missing, or unchanged since the last import) and those kept
 * because the stored copy was edited (or predates this record and differs from the file).
 */
function selectExamples(rt, userFolder, files) {
	const stored = storedHashes(rt, userFolder);
	const state = readState(userFolder);
	const toImport = [];
	const kept = [];
	for (const file of files) {
		const wf = JSON.parse(fs.readFileSync(file, 'utf8'));
		const now = stored.get(wf.id);
		const unchanged = now === undefined || now === state[wf.id] || now === contentHash(wf);
		(unchanged ? toImport : kept).push(file);
	}
	return { toImport, kept };
}

/** Remembers what was imported (the import stores name, nodes and connections as they are in the file). */
function recordImported(userFolder, files) {
	const state = readState(userFolder);
	for (const file of files) {
		const wf = JSON.parse(fs.readFileSync(file, 'utf8'));
		state[wf.id] = contentHash(wf);
	}
	fs.writeFileSync(path.join(userFolder, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

module.exports = { contentHash, selectExamples, recordImported, STATE_FILE };
