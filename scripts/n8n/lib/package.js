// @ts-check
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const { REPO_ROOT, run } = require('./proc');

/**
 * How a user's n8n gets the package, each an `npm install` of the packed tarball in <user folder>/.n8n/nodes:
 * - installer: as n8n's Community Nodes installer runs npm (no dev, optional or peer dependencies, no bin links);
 * - plain:     as n8n's docs tell people to install by hand on a server: `npm install <package>`, nothing more.
 * --audit=false and --fund=false only keep npm from calling the registry after the install; the tree is the same.
 */
const INSTALL_ARGS = {
	installer: ['--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--omit=dev', '--omit=optional', '--omit=peer'],
	plain: ['--audit=false', '--fund=false'],
};

/**
 * npm with no network and nothing cached: --offline with an empty cache folder fails on anything but the tarball
 * (ENOTCACHED), and the registry is a dead loopback port. Without --offline npm still asks the registry about the
 * optional n8n-workflow peer; offline it retries for about a minute and then installs the same tree.
 * @param {string} cacheDir
 */
function offlineArgs(cacheDir) {
	return ['--offline', '--registry=http://127.0.0.1:9/', `--cache=${cacheDir}`, '--loglevel=error'];
}

/**
 * `npm pack` of the built package (dist/ must be built: the caller builds) into `dir`; returns the tarball's path.
 * @param {string} dir @returns {Promise<{ tarball: string, files: string[] }>}
 */
async function packTarball(dir, { quiet = true } = {}) {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	fs.mkdirSync(dir, { recursive: true });
	const { out } = await run('npm', ['pack', '--json', '--ignore-scripts', '--loglevel=error', '--pack-destination', dir], { cwd: REPO_ROOT, quiet });
	/** @type {[{ filename: string, files: { path: string }[] }]} */
	const [{ filename, files }] = JSON.parse(out.slice(out.indexOf('[')));
	return { tarball: path.join(dir, path.basename(filename)), files: files.map((f) => f.path).sort() };
}

/**
 * Loads the package into a user folder as a user's n8n would have it: packs the built package and installs the
 * tarball in <userFolder>/.n8n/nodes with `how` ('installer' by default, or 'plain'), with no network. The
 * tarball stays at <userFolder>/.n8n/<name>.tgz (the nodes folder's package.json refers to it). A previous install
 * is removed first, so a rebuilt package of the same version always lands. Returns { target, nodesDir, files }.
 * @param {string} userFolder @param {{ how?: 'installer' | 'plain', quiet?: boolean }} [options]
 */
async function installPackageInto(userFolder, { how = 'installer', quiet = true } = {}) {
	if (!INSTALL_ARGS[how]) throw new Error(`unknown install way "${how}" (installer or plain)`);
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', pkg.name);
	const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-pack-'));
	try {
		const { tarball: packed, files } = await packTarball(temp, { quiet });
		const tarball = path.join(userFolder, '.n8n', `${pkg.name}.tgz`);
		fs.mkdirSync(nodesDir, { recursive: true });
		fs.copyFileSync(packed, tarball);
		// n8n's installer keeps the nodes folder an npm project of its own; a hand install gets one from npm.
		const nodesPkg = path.join(nodesDir, 'package.json');
		if (how === 'installer' && !fs.existsSync(nodesPkg)) {
			fs.writeFileSync(nodesPkg, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
		}
		fs.rmSync(target, { recursive: true, force: true });
		await run('npm', ['install', tarball, ...INSTALL_ARGS[how], ...offlineArgs(path.join(temp, 'npm-cache'))], { cwd: nodesDir, quiet });
		return { target, nodesDir, files };
	} finally {
		fs.rmSync(temp, { recursive: true, force: true });
	}
}

module.exports = { installPackageInto, packTarball };
