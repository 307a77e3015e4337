#!/usr/bin/env node
// Runs jest, then prints one plain line `tests: N passed, N failed` from jest's JSON report
// so CI can count. The exit code is jest's own.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const report = path.join(os.tmpdir(), `jest-report-${process.pid}.json`);
const jestBin = require.resolve('jest/bin/jest');
const args = [jestBin, '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit' });

let passed = 0;
let failed = 0;
try {
	const json = JSON.parse(fs.readFileSync(report, 'utf8'));
	passed = json.numPassedTests;
	failed = json.numFailedTests + (json.numRuntimeErrorTestSuites || 0);
	fs.rmSync(report, { force: true });
} catch {
	failed = Math.max(failed, 1);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(run.status === null ? 1 : run.status);
