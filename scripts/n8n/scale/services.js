// @ts-check
'use strict';
/**
 * Redis and PostgreSQL for the queue-mode cluster: Debian's packages (installed with apt-get when missing), each
 * started on 127.0.0.1 on a free port with a throwaway data directory, as a child process that `stop()` ends.
 */
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { setTimeout: sleep } = require('timers/promises');

const { freePort } = require('../lib/ports');
const { run } = require('../lib/proc');

const isRoot = () => process.getuid && process.getuid() === 0;

/** First existing file of a list of candidates, else a name found on PATH, else null. @param {string[]} candidates @param {string} name */
function findBin(candidates, name) {
	for (const c of candidates) if (fs.existsSync(c)) return c;
	const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

/** Like findBin, but a missing binary throws. @param {string[]} candidates @param {string} name */
function requireBin(candidates, name) {
	const bin = findBin(candidates, name);
	if (!bin) throw new Error(`${name} not found (apt-get install -y ${name === 'redis-cli' ? 'redis-tools' : name})`);
	return bin;
}

/** Debian's PostgreSQL server binaries live in /usr/lib/postgresql/<major>/bin (not on PATH). */
function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	const majors = fs.existsSync(base) ? fs.readdirSync(base).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
	for (const m of majors) if (fs.existsSync(path.join(base, m, 'bin', 'postgres'))) return path.join(base, m, 'bin');
	const initdb = findBin([], 'initdb');
	return initdb ? path.dirname(fs.realpathSync(initdb)) : null;
}

/**
 * apt-get install redis-server / postgresql when their binaries are missing (CI on a fresh machine).
 * @param {(...a: unknown[]) => void} log
 */
async function ensurePackages(log) {
	const missing = [];
	if (!findBin(['/usr/bin/redis-server'], 'redis-server')) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (!missing.length) return { installed: [], secs: 0 };
	if (!isRoot() || !fs.existsSync('/usr/bin/apt-get')) {
		throw new Error(`${missing.join(' and ')} missing: install them (apt-get install -y ${missing.join(' ')})`);
	}
	const t0 = Date.now();
	log(`installing ${missing.join(', ')} with apt-get`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update', '-qq'], { quiet: true, env });
	await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { quiet: true, env });
	if (!postgresBinDir() || !findBin(['/usr/bin/redis-server'], 'redis-server')) {
		throw new Error(`apt-get install ${missing.join(' ')} finished but the binaries are still missing`);
	}
	return { installed: missing, secs: (Date.now() - t0) / 1000 };
}

/**
 * A child process with a log file, stopped by a signal (then SIGKILL after a grace period).
 * @param {string} cmd @param {string[]} args @param {import('child_process').SpawnOptions & { logFile: string }} options
 */
function child(cmd, args, { logFile, ...opts }) {
	const out = fs.openSync(logFile, 'a');
	const proc = spawn(cmd, args, { stdio: ['ignore', out, out], ...opts });
	fs.closeSync(out);
	/** @type {{ code: number | null, signal: NodeJS.Signals | null } | null} */
	let exited = null;
	const exitPromise = new Promise((resolve) =>
		proc.on('exit', (code, signal) => resolve((exited = { code, signal }))),
	);
	proc.on('error', () => undefined);
	/** @param {NodeJS.Signals} [signal] */
	const stop = async (signal = 'SIGTERM', graceMs = 10000) => {
		if (exited) return exited;
		try {
			proc.kill(signal);
		} catch {
			/* gone */
		}
		const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
		const r = await exitPromise;
		clearTimeout(timer);
		return r;
	};
	return { proc, stop, exited: () => exited };
}

/**
 * Polls `isReady` until it resolves true; returns the seconds it took.
 * @param {string} what @param {() => Promise<boolean>} isReady @param {{ timeoutMs?: number, failIf?: () => unknown }} [options]
 */
async function waitFor(what, isReady, { timeoutMs = 30000, failIf } = {}) {
	const t0 = Date.now();
	while (Date.now() - t0 < timeoutMs) {
		if (failIf && failIf()) throw new Error(`${what} exited early`);
		if (await isReady().catch(() => false)) return (Date.now() - t0) / 1000;
		await sleep(200);
	}
	throw new Error(`${what} not ready within ${timeoutMs / 1000}s`);
}

/** redis-server on a free port with its data in `dir`. @param {string} dir */
async function startRedis(dir) {
	const bin = requireBin(['/usr/bin/redis-server'], 'redis-server');
	const cli = requireBin(['/usr/bin/redis-cli'], 'redis-cli');
	const port = await freePort();
	const data = path.join(dir, 'redis');
	fs.mkdirSync(data, { recursive: true });
	const logFile = path.join(dir, 'redis.log');
	const c = child(
		bin,
		['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--appendonly', 'no', '--dir', data, '--daemonize', 'no'],
		{ logFile, cwd: data },
	);
	const ping = () => spawnSync(cli, ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG';
	const secs = await waitFor('redis-server', async () => ping(), { failIf: c.exited });
	const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.match(/v=([\d.]+)/);
	return {
		host: '127.0.0.1',
		port,
		logFile,
		secs,
		version: version ? version[1] : '?',
		pid: c.proc.pid,
		/** redis-cli against this server; returns stdout lines. */
		cli: (/** @type {string[]} */ ...args) => spawnSync(cli, ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean),
		stop: () => c.stop('SIGTERM'),
	};
}

/**
 * initdb + postgres on a free port. initdb refuses to run as root, so as root the server runs as the `postgres`
 * user Debian's package creates (uid/gid given to spawn; the data directory is chowned to it).
 * @param {string} dir
 */
async function startPostgres(dir) {
	const binDir = postgresBinDir();
	if (!binDir) throw new Error('PostgreSQL server binaries not found (apt-get install -y postgresql)');
	const port = await freePort();
	const data = path.join(dir, 'pgdata');
	const sockets = path.join(dir, 'pgsock');
	const logFile = path.join(dir, 'postgres.log');
	fs.mkdirSync(data, { recursive: true, mode: 0o700 });
	fs.mkdirSync(sockets, { recursive: true });
	let ids = {};
	if (isRoot()) {
		const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
		const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
		if (!Number.isInteger(uid) || uid === 0) throw new Error('no `postgres` user to run PostgreSQL as (initdb refuses root)');
		ids = { uid, gid };
		// The server must reach its data directory through the temp folder.
		fs.chmodSync(dir, 0o755);
		for (const d of [data, sockets]) fs.chownSync(d, uid, gid);
		fs.writeFileSync(logFile, '');
		fs.chownSync(logFile, uid, gid);
	}
	const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: dir };
	const init = spawnSync(
		path.join(binDir, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'],
		{ encoding: 'utf8', env, cwd: dir, ...ids },
	);
	if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}):\n${(init.stdout + init.stderr).slice(-2000)}`);
	const c = child(
		path.join(binDir, 'postgres'),
		['-D', data, '-p', String(port), '-k', sockets, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
		{ logFile, env, cwd: dir, ...ids },
	);
	/** @param {string} sql */
	const psql = (sql, db = 'postgres') =>
		spawnSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-tAc', sql], { encoding: 'utf8' });
	const secs = await waitFor('postgres', async () => psql('select 1').status === 0, { failIf: c.exited });
	const created = psql('create database n8n');
	if (created.status !== 0) throw new Error(`create database n8n failed: ${created.stderr}`);
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		password: '',
		database: 'n8n',
		logFile,
		secs,
		version: psql('show server_version').stdout.trim().split(' ')[0],
		pid: c.proc.pid,
		psql,
		// SIGINT = "fast" shutdown: ends sessions and stops without waiting for clients.
		stop: () => c.stop('SIGINT'),
	};
}

module.exports = { ensurePackages, startRedis, startPostgres, waitFor, isRoot };
