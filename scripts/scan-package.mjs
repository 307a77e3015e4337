// @ts-check
// n8n's community-package scanner (@n8n/scan-community-package, pinned in devDependencies), run the way n8n
// runs it on a package published with provenance: `analyzePackage(<source checkout>, SOURCE_FILE_PATTERNS)`
// (package.json, nodes/**, credentials/**; eslint-disable comments do not count). n8n's verdict counts
// only errors; this script also fails on its warnings, so that nothing it reports gets in.
//
//   node scripts/scan-package.mjs            the source leg (npm run lint)
//   node scripts/scan-package.mjs --packed   also the tarball leg: `npm pack` (builds first, through
//                                            prepack), unpacked, `analyzePackage(<dir>, ['**/*.js', 'package.json'])`
// Exit code 1 on any error or warning.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');

/**
 * analyzePackage answers only pass/fail on errors. Its ESLint is this repository's (the scanner pins the same
 * eslint and has no copy of its own), so the results it lints are read here to count warnings too.
 * @param {string} dir @param {string[]} patterns
 */
async function scan(dir, patterns) {
	/** @type {ESLint.LintResult[]} */
	let results = [];
	const lintFiles = ESLint.prototype.lintFiles;
	ESLint.prototype.lintFiles = async function (/** @type {Parameters<ESLint['lintFiles']>} */ ...args) {
		results = await lintFiles.apply(this, args);
		return results;
	};
	try {
		const verdict = await analyzePackage(dir, patterns);
		const errors = results.reduce((n, r) => n + r.errorCount, 0);
		const warnings = results.reduce((n, r) => n + r.warningCount, 0);
		if (!verdict.passed && !errors) throw new Error(`the scanner failed: ${verdict.message}`);
		const report = errors || warnings ? await (await new ESLint().loadFormatter('stylish')).format(results) : '';
		return { files: results.length, errors, warnings, report };
	} finally {
		ESLint.prototype.lintFiles = lintFiles;
	}
}

/** `npm pack` into a temporary folder, unpacked as n8n's scanner unpacks the published tarball. */
function packed() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-scan-'));
	// --ignore-scripts=false: the repository's .npmrc turns scripts off, and prepack is what builds dist/.
	execFileSync('npm', ['pack', '--ignore-scripts=false', '--loglevel=warn', '--pack-destination', dir], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.tgz')) || 'no .tgz from npm pack');
	const packageDir = path.join(dir, 'package');
	fs.mkdirSync(packageDir);
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	return { dir, packageDir };
}

let failed = false;
const legs = [{ name: 'source', dir: REPO_ROOT, patterns: SOURCE_FILE_PATTERNS }];
let temp;
if (process.argv.includes('--packed')) {
	temp = packed();
	legs.push({ name: 'packed tarball', dir: temp.packageDir, patterns: ['**/*.js', 'package.json'] });
}
try {
	for (const leg of legs) {
		const r = await scan(leg.dir, leg.patterns);
		console.log(`n8n scanner (${leg.name}): ${r.files} files, ${r.errors} errors, ${r.warnings} warnings`);
		if (r.report) console.log(r.report);
		if (r.errors || r.warnings) failed = true;
	}
} finally {
	if (temp) fs.rmSync(temp.dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
