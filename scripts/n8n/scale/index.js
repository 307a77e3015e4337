// @ts-check
'use strict';
/**
 * `npm run test:scale` (node scripts/n8n/runner.js scale): this package on n8n's queue mode, the real thing on one
 * machine.
 *
 * Redis and PostgreSQL (Debian's, apt-get installed when missing) on loopback with throwaway data directories; the
 * cached n8n 2.41.1 as one main process and two `n8n worker`s; the sandbox as WeChat behind a meter that tells which
 * process sent each request. Workloads go through main's production webhooks; results are read back through the
 * REST API and the workers' logs. Everything started here is stopped on success, failure, SIGINT and SIGTERM.
 *
 * Options: --no-build   --keep (keep the temp folder with all logs)
 *          --only=throughput|tokens|pushes|wecom (that part only; the cluster and its health checks always run)
 * Output:  one line per check, the measured figures, and last "scale: N passed, N failed".
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { ensureRuntime } = require('../runtime');
const { buildPackage } = require('../instance');
const { CREDENTIAL_TYPE, PUSH_CREDENTIAL_TYPE } = require('../lib/names');
const { Rest } = require('../lib/rest');
const { loadSandbox, startSandbox } = require('../lib/sandbox');
const checks = require('./checks');
const { prepareFolders, startMain, startWorker } = require('./cluster');
const { killDescendants } = require('./cpu');
const { startMeter } = require('./meter');
const { pushWorkflow, pushChecks } = require('./pushes');
const { weComCallbacks } = require('./weComCallbacks');
const { ensurePackages, startRedis, startPostgres } = require('./services');
const { throughput, reportThroughput } = require('./throughput');
const { BUSY_DAY_RECORDS, chinaDayStart, agentsWorkflow, busyDayWorkflow, busyDayRecords, recordsBetween, tokenServerOf } = require('./workloads');

/**
 * @typedef {import('../runner').Runner} Runner
 * @typedef {import('../lib/sandbox').KfSandbox} KfSandbox
 * @typedef {import('../lib/rest').CredentialRef} CredentialRef
 * @typedef {{ id: string, url: string }} PublishedWorkflow
 * @typedef {Awaited<ReturnType<typeof startCluster>>} Cluster
 * @typedef {Awaited<ReturnType<typeof startWorkloads>> & Cluster & { rt: import('../lib/n8nProcess').Runtime,
 *   check: Runner['check'], log: (...a: unknown[]) => void }} ScaleContext  what the checks get
 */

/** @param {unknown[]} a */
const log = (...a) => console.log('[scale]', ...a);

/** The sandbox (demo data and a busy day of records), Redis, PostgreSQL, the meter and n8n main. @param {Runner} runner @param {import('../lib/n8nProcess').Runtime} rt @param {string} dir */
async function startCluster(runner, rt, dir) {
	const [redis, postgres] = await Promise.all([startRedis(dir), startPostgres(dir)]);
	runner.onStop('redis', redis.stop);
	runner.onStop('postgres', postgres.stop);
	runner.record(`services: redis-server ${redis.version} on 127.0.0.1:${redis.port}, PostgreSQL ${postgres.version} on 127.0.0.1:${postgres.port}`, 'pass', Math.max(redis.secs, postgres.secs));

	const sb = await startSandbox({ seed: 'demo' });
	runner.onStop('sandbox', () => sb.stop());
	const tokenServer = tokenServerOf(sb);
	/** @type {{ main: import('../lib/n8nProcess').StartedN8n | null, workers: Awaited<ReturnType<typeof startWorker>>[] }} */
	const cluster = { main: null, workers: [] };
	const processes = () => [
		...(cluster.main ? [{ pid: /** @type {number} */ (cluster.main.child.pid), name: 'main' }] : []),
		...cluster.workers.map((w) => ({ pid: w.pid, name: w.name })),
	];
	const meter = await startMeter(sb.url, processes, { extraTokenPaths: [tokenServer.path] });
	runner.onStop('meter', meter.stop);

	const folders = await prepareFolders(dir, ['main', 'worker-1', 'worker-2']);
	const main = await startMain(rt, folders.main, { redis, postgres }, path.join(dir, 'main.log'));
	cluster.main = main;
	runner.onStop('n8n main', () => main.stop());
	runner.record(`n8n ${rt.n8nVersion} main in queue mode ready`, 'pass', main.readySecs, `${main.url}, ${main.readySecs.toFixed(0)}s (fresh PostgreSQL: migrations)`);
	const rest = new Rest(main.url);
	await rest.ownerSession();
	return { redis, postgres, sb, tokenServer, cluster, main, meter, folders, rest, dir };
}

/** The credentials per token source and the published workflows, with the results they must give. @param {Cluster} c */
async function startWorkloads(c) {
	const { sb, meter, rest, tokenServer } = c;
	const now = sb.clock.now();
	const day = chinaDayStart(now, 1);
	const busyDay = chinaDayStart(now, 10);
	sb.state.records.add(busyDayRecords(busyDay, BUSY_DAY_RECORDS, sb.state.agents.map((a) => a.kf_account)));
	const { sandboxCredentialData } = loadSandbox('');
	/** @param {string} name @param {object} data */
	const cred = (name, data) => rest.createCredential(name, CREDENTIAL_TYPE, { ...sandboxCredentialData(meter.url), ...data });
	const creds = {
		stable: await cred('WeChat sandbox (stable token)', { source: 'stableToken' }),
		classic: await cred('WeChat sandbox (classic token)', { source: 'classicToken' }),
		server: await cred('WeChat sandbox (central token server)', { source: 'tokenServer', tokenServerUrl: `${meter.url}${tokenServer.path}`, ...tokenServer.credentialHeader }),
	};
	/** @type {Record<string, PublishedWorkflow>} */
	const wfs = {
		stable: await rest.createPublished(agentsWorkflow('Scale: agents + one day of records (stable token)', 'wcs-scale-agents-stable', creds.stable, day)),
		classic: await rest.createPublished(agentsWorkflow('Scale: agents + one day of records (classic token)', 'wcs-scale-agents-classic', creds.classic, day)),
		server: await rest.createPublished(agentsWorkflow('Scale: agents + one day of records (token server)', 'wcs-scale-agents-server', creds.server, day)),
		busy: await rest.createPublished(busyDayWorkflow('Scale: a busy day of chat records', 'wcs-scale-busy-day', creds.stable, busyDay)),
	};
	const expected = { online: sb.state.online.size, records: recordsBetween(sb, day, day + 86399), busy: recordsBetween(sb, busyDay, busyDay + 86399) };
	return { creds, wfs, expected };
}

/** Starts `n8n worker` `name` and records it ready. @param {Runner} runner @param {ScaleContext} ctx @param {string} name */
async function addWorker(runner, ctx, name) {
	const w = await startWorker(ctx.rt, ctx.folders[name], ctx, { name, logFile: path.join(ctx.dir, `${name}.log`) });
	ctx.cluster.workers.push(w);
	runner.onStop(`n8n ${name}`, () => w.stop());
	runner.record(`n8n ${name} ready`, 'pass', w.readySecs, `pid ${w.pid}, hostname ${w.hostname || os.hostname()}, concurrency ${w.concurrency}, ${w.readySecs.toFixed(0)}s`);
}

/** The trigger's pushes: a push credential and the reply workflow, then the push checks. @param {ScaleContext} ctx */
async function pushes(ctx) {
	const pushCred = await ctx.rest.createCredential('WeChat sandbox push', PUSH_CREDENTIAL_TYPE, loadSandbox('').sandboxPushCredentialData());
	// The trigger also answers GET (URL verification): served once it stops answering 404.
	ctx.wfs.push = await ctx.rest.createPublished(pushWorkflow(ctx.creds.stable, pushCred), (status) => status !== 404 && status !== 0);
	await pushChecks(ctx, ctx.wfs.push);
}

/** The temp folder (removed unless --keep) and anything still starting when a signal came. @param {Runner} runner @param {string} dir */
function cleanUpLast(runner, dir) {
	runner.onStop('the temp folder', () => {
		// A process still starting when a signal came has no stop function yet.
		const left = killDescendants();
		if (left) log(`killed ${left} process(es) still starting`);
		if (runner.flag('--keep')) log(`kept ${dir}`);
		else fs.rmSync(dir, { recursive: true, force: true });
	});
}

/** @param {Runner} runner */
async function run(runner) {
	/** @param {string} name */
	const part = (name) => !runner.only || runner.only === name;
	if (!runner.flag('--no-build')) {
		log('building the package (npm run build, npm run build:dev)');
		await buildPackage({ quiet: true });
	}
	const rt = await ensureRuntime('2');
	const pkgs = await ensurePackages(log);
	if (pkgs.installed.length) log(`apt-get installed ${pkgs.installed.join(', ')} in ${pkgs.secs.toFixed(0)}s`);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-scale-'));
	cleanUpLast(runner, dir);
	const cluster = await startCluster(runner, rt, dir);
	/** @type {ScaleContext} */
	const ctx = { ...cluster, ...(await startWorkloads(cluster)), rt, log, check: (name, fn, options) => runner.check(name, fn, options) };

	await addWorker(runner, ctx, 'worker-1');
	const one = part('throughput') && (await throughput(ctx, 1));
	await addWorker(runner, ctx, 'worker-2');
	if (one) await reportThroughput(ctx, one, await throughput(ctx, 2));
	if (part('tokens')) await checks.tokenModes(ctx);
	if (part('pushes')) await pushes(ctx);
	if (part('wecom')) await weComCallbacks(ctx);
	await checks.clusterHealth(ctx);
	await checks.keepCompleted(ctx);
}

module.exports = { name: 'scale', run };
