'use strict';
const fs = require('fs');
const path = require('path');

const { REPO_ROOT, run } = require('./proc');

/**
 * Loads the built package into a user folder as a community package (where n8n installs one). Copies package.json,
 * index.js and dist/ (not a symlink of the repo: its node_modules hold a second n8n-workflow and dev tools), then
 * installs the runtime dependencies there with scripts off. Re-copies dist on every call; reinstalls deps only when
 * the dependency list changes.
 */
async function installPackageInto(userFolder, { quiet = true } = {}) {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', pkg.name);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	// The nodes dir is itself an npm project in a real n8n install; keep that shape.
	const nodesPkg = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(nodesPkg)) fs.writeFileSync(nodesPkg, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	const depsKey = JSON.stringify(pkg.dependencies || {});
	const depsStamp = path.join(target, '.deps.json');
	const keepDeps = fs.existsSync(depsStamp) && fs.readFileSync(depsStamp, 'utf8') === depsKey;
	for (const entry of fs.existsSync(target) ? fs.readdirSync(target) : []) {
		if (keepDeps && (entry === 'node_modules' || entry === '.deps.json' || entry === 'package-lock.json')) continue;
		fs.rmSync(path.join(target, entry), { recursive: true, force: true });
	}
	fs.mkdirSync(target, { recursive: true });
	const slim = { ...pkg };
	delete slim.devDependencies;
	delete slim.scripts;
	fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(slim, null, 2) + '\n');
	for (const f of ['index.js', 'LICENSE.md']) {
		if (fs.existsSync(path.join(REPO_ROOT, f))) fs.copyFileSync(path.join(REPO_ROOT, f), path.join(target, f));
	}
	fs.cpSync(path.join(REPO_ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
	if (!keepDeps && Object.keys(pkg.dependencies || {}).length) {
		await run(
			'npm',
			['install', '--omit=dev', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
			{ cwd: target, quiet },
		);
		fs.writeFileSync(depsStamp, depsKey);
	}
	return target;
}

module.exports = { installPackageInto };
