#!/usr/bin/env node
// @ts-check
// Runs jest, then prints one plain line `tests: N passed, N failed` from jest's JSON report
// so CI can count. The exit code is jest's own.
// The report comes through jest's stdout (with --json jest prints its progress to stderr), so no
// report file is written and jest prints no line about one. n8n-core's InstanceSettings creates
// <N8N_USER_FOLDER>/.n8n: the tests get a folder of their own here, removed afterwards.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-jest-'));
const jestBin = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jestBin, '--json', ...process.argv.slice(2)], {
	stdio: ['inherit', 'pipe', 'inherit'],
	env: { ...process.env, N8N_USER_FOLDER: process.env.N8N_USER_FOLDER || userFolder },
	encoding: 'utf8',
	maxBuffer: 1 << 30,
});
fs.rmSync(userFolder, { recursive: true, force: true });

/** jest's JSON report: the last line of stdout that parses; anything else printed there is passed on. */
/** @param {string} stdout */
function report(stdout) {
	const lines = (stdout || '').split('\n');
	for (let i = lines.length - 1; i >= 0; i--) {
		if (!lines[i].startsWith('{')) continue;
		try {
			const json = JSON.parse(lines[i]);
			const other = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n').trim();
			if (other) console.log(other);
			return json;
		} catch {
			/* not the report */
		}
	}
	if (stdout && stdout.trim()) console.log(stdout.trim());
	return null;
}

const json = report(run.stdout);
const passed = json ? json.numPassedTests : 0;
const failed = json ? json.numFailedTests + (json.numRuntimeErrorTestSuites || 0) : 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(run.status === null ? 1 : run.status);
