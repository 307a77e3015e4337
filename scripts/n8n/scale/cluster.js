// @ts-check
'use strict';
/**
 * n8n in queue mode: one main process (editor, REST, webhooks, triggers) and `n8n worker` processes that take
 * executions from Redis (Bull) and share PostgreSQL, each with its own user folder holding this package.
 */
const fs = require('fs');
const path = require('path');

const { n8nEnv, spawnGroup, startN8n } = require('../lib/n8nProcess');
const { installPackageInto } = require('../lib/package');
const { freePort } = require('../lib/ports');
const { waitFor, isRoot } = require('./services');

/**
 * @typedef {import('../lib/n8nProcess').Runtime} Runtime
 * @typedef {{ redis: { host: string, port: number }, postgres: { host: string, port: number, database: string, user: string, password: string } }} Services
 */

/** Jobs Bull keeps after completion; with n8n's default 0 a job that finishes before main waits is lost. */
const KEEP_LAST_COMPLETED = '1000';

/**
 * The env every process of the cluster shares: queue, database, one encryption key (from baseEnv).
 * @param {Services} services
 */
function queueEnv({ redis, postgres }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// n8n's default pool of 2 connections: a burst of webhooks on main starves its database ping, which then
		// answers every request 503 "Database is not ready!" (seen here with 50 pushes at once).
		DB_POSTGRESDB_POOL_SIZE: '10',
		N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED: KEEP_LAST_COMPLETED,
		GENERIC_TIMEZONE: 'Asia/Shanghai',
		// The test workflows read WECHAT_CS_SCALE_PROCESS in an expression to record which process ran them.
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
	};
}

/**
 * Installs the package into the main user folder once and copies the installed nodes folder to the others.
 * @param {string} root @param {string[]} names
 */
async function prepareFolders(root, names) {
	/** @type {Record<string, string>} */
	const folders = {};
	for (const name of names) folders[name] = path.join(root, name);
	const first = folders[names[0]];
	await installPackageInto(first);
	for (const name of names.slice(1)) {
		fs.mkdirSync(path.join(folders[name], '.n8n'), { recursive: true });
		fs.cpSync(path.join(first, '.n8n', 'nodes'), path.join(folders[name], '.n8n', 'nodes'), { recursive: true });
	}
	return folders;
}

/** @param {Runtime} rt @param {string} folder @param {Services} services @param {string} logFile */
async function startMain(rt, folder, services, logFile) {
	const port = await freePort();
	return await startN8n(rt, folder, {
		port,
		logFile,
		// A fresh PostgreSQL runs every migration first; on a busy 2-core machine that takes minutes.
		readyTimeoutMs: 300000,
		extraEnv: {
			...queueEnv(services),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			WECHAT_CS_SCALE_PROCESS: 'main',
		},
	});
}

/**
 * `n8n worker`. n8n names a worker `worker-<hostname>` when it sees a container (/.dockerenv), so workers of one
 * machine clash; as root each worker gets its own hostname in a private UTS namespace (`unshare -u`), as a
 * container per worker would have.
 * @param {Runtime} rt @param {string} folder @param {Services} services
 * @param {{ name: string, logFile: string, concurrency?: number, readyTimeoutMs?: number }} options
 */
async function startWorker(rt, folder, services, { name, logFile, concurrency = 10, readyTimeoutMs = 300000 }) {
	const healthPort = await freePort();
	const env = n8nEnv(rt, folder, {
		...queueEnv(services),
		N8N_PORT: String(await freePort()),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		WECHAT_CS_SCALE_PROCESS: name,
	});
	const hostname = `wcs-scale-${name}`;
	const n8nArgs = [rt.n8nBin, 'worker', `--concurrency=${concurrency}`];
	const ownHostname = isRoot() && fs.existsSync('/usr/bin/unshare');
	const [cmd, args] = ownHostname
		? ['/usr/bin/unshare', ['-u', '--', '/bin/sh', '-c', 'hostname "$1" && shift && exec "$@"', 'sh', hostname, rt.nodeBin, ...n8nArgs]]
		: [rt.nodeBin, n8nArgs];
	const { child, exited, stop } = spawnGroup(cmd, args, { env, cwd: folder, logFile, graceMs: 20000 });
	try {
		const readySecs = await waitFor(
			`n8n worker ${name}`,
			async () => (await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`)).status === 200,
			{ timeoutMs: readyTimeoutMs, failIf: () => Boolean(exited()) },
		);
		return { name, pid: /** @type {number} */ (child.pid), hostname: ownHostname ? hostname : null, concurrency, logFile, readySecs, stop };
	} catch (e) {
		await stop();
		const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
		throw new Error(`${e.message}\n${tail}`);
	}
}

/**
 * Execution ids a worker's log says it ran ("Worker started execution 12 (job 12)").
 * @param {string} logFile
 */
function executionsInLog(logFile) {
	const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
	return new Set([...text.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]));
}

/**
 * Which worker ran each execution, by the workers' logs: executions per worker, and the executions that did not
 * succeed or did not run on exactly one worker.
 * @param {{ name: string, logFile: string }[]} workers @param {string[][]} rows [id, status] of each execution
 */
function placement(workers, rows) {
	const logs = workers.map((w) => ({ name: w.name, ran: executionsInLog(w.logFile) }));
	/** @type {Record<string, number>} */
	const per = {};
	const bad = [];
	for (const [id, status] of rows) {
		const on = logs.filter((l) => l.ran.has(id)).map((l) => l.name);
		if (status !== 'success' || on.length !== 1) bad.push(`${id} ${status} on ${on.join('+') || 'no worker'}`);
		else per[on[0]] = (per[on[0]] || 0) + 1;
	}
	return { per, bad };
}

module.exports = { KEEP_LAST_COMPLETED, prepareFolders, startMain, startWorker, executionsInLog, placement };
