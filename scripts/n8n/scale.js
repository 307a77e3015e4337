'use strict';
/**
 * `npm run test:scale`: this package on n8n's queue mode, the real thing on one machine.
 *
 * Redis and PostgreSQL (Debian's, apt-get installed when missing) on loopback with throwaway data directories; the
 * cached n8n 2.41.1 as one main process and two `n8n worker`s; the sandbox as WeChat behind a meter that tells which
 * process sent each request. Workloads go through main's production webhooks; results are read back through the
 * REST API and the workers' logs. Everything started here is stopped on success, failure, SIGINT and SIGTERM.
 *
 * Options: --no-build   --keep (keep the temp folder with all logs)
 *          --only=throughput|tokens|pushes (that part only; the cluster and its health checks always run)
 * Output:  one line per check, the measured figures, and last "scale: N passed, N failed".
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { REPO_ROOT, ensureRuntime } = require('./runtime');
const { buildPackage, startSandbox, Rest, CREDENTIAL_TYPE } = require('./instance');
const { ensurePackages, startRedis, startPostgres } = require('./scale/services');
const { prepareFolders, startMain, startWorker } = require('./scale/cluster');
const { startMeter } = require('./scale/meter');
const { createCredential, createPublished } = require('./scale/rest');
const { chinaDayStart, agentsWorkflow, busyDayWorkflow, busyDayRecords } = require('./scale/workloads');
const checks = require('./scale/checks');
const { killDescendants } = require('./scale/cpu');
const { PUSH_CREDENTIAL_TYPE, pushWorkflow, pushChecks } = require('./scale/pushes');

const argv = process.argv.slice(2);
const only = (argv.find((a) => a.startsWith('--only=')) || '').slice(7);
const part = (name) => !only || only === name;
const results = [];
const t0 = Date.now();
const log = (...a) => console.log('[scale]', ...a);

/** Stop functions of everything started, run last-in first-out exactly once; then nothing of ours may be left. */
const stops = [];
let tempDir = null;
let stopping = null;
function stopAll() {
	stopping ??= (async () => {
		while (stops.length) {
			const { what, fn } = stops.pop();
			await Promise.resolve()
				.then(fn)
				.catch((e) => console.error(`[scale] stopping ${what}: ${e.message}`));
		}
		// A process still starting when a signal came has no stop function yet.
		const left = killDescendants();
		if (left) log(`killed ${left} process(es) still starting`);
		if (tempDir && argv.includes('--keep')) log(`kept ${tempDir}`);
		else if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
	})();
	return stopping;
}
for (const [signal, code] of [
	['SIGINT', 130],
	['SIGTERM', 143],
]) {
	process.on(signal, () => {
		console.error(`\n[scale] ${signal}: stopping everything started...`);
		void stopAll().then(() => process.exit(code));
	});
}

function record(name, ok, detail = '') {
	results.push({ name, ok });
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `\n      ${String(detail).split('\n').join('\n      ')}` : ''}`);
}

/** Runs one check; a thrown error fails it without stopping the run. */
async function check(name, fn) {
	try {
		record(name, true, await fn());
	} catch (e) {
		record(name, false, e.stack || e.message);
	}
}

async function main() {
	if (!argv.includes('--no-build')) {
		log('building the package (npm run build, npm run build:dev)');
		await buildPackage({ quiet: true });
	}
	const rt = await ensureRuntime('2');
	const pkgs = await ensurePackages(log);
	if (pkgs.installed.length) log(`apt-get installed ${pkgs.installed.join(', ')} in ${pkgs.secs.toFixed(0)}s`);

	const dir = (tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-scale-')));
	const [redis, postgres] = await Promise.all([startRedis(dir), startPostgres(dir)]);
	stops.push({ what: 'redis', fn: redis.stop }, { what: 'postgres', fn: postgres.stop });
	record(`services: redis-server ${redis.version} on 127.0.0.1:${redis.port}, PostgreSQL ${postgres.version} on 127.0.0.1:${postgres.port}`, true);

	const sb = await startSandbox({ seed: 'demo' });
	stops.push({ what: 'sandbox', fn: () => sb.stop() });
	const now = sb.clock.now();
	const day = chinaDayStart(now, 1);
	const busyDay = chinaDayStart(now, 10);
	const agents = sb.state.agents.map((a) => a.kf_account);
	sb.state.records.add(busyDayRecords(busyDay, checks.BUSY_DAY_RECORDS, agents));
	const tokenServer = checks.tokenServerOf(sb);

	const cluster = { main: null, workers: [] };
	const processes = () => [
		...(cluster.main ? [{ pid: cluster.main.child.pid, name: 'main' }] : []),
		...cluster.workers.map((w) => ({ pid: w.pid, name: w.name })),
	];
	const meter = await startMeter(sb.url, processes, { extraTokenPaths: tokenServer ? [tokenServer.path] : [] });
	stops.push({ what: 'meter', fn: meter.stop });

	const folders = await prepareFolders(dir, ['main', 'worker-1', 'worker-2']);
	cluster.main = await startMain(rt, folders.main, { redis, postgres }, path.join(dir, 'main.log'));
	stops.push({ what: 'n8n main', fn: () => cluster.main.stop() });
	record(`n8n ${rt.n8nVersion} main in queue mode ready`, true, `${cluster.main.url}, ${cluster.main.readySecs.toFixed(0)}s (fresh PostgreSQL: migrations)`);
	const rest = new Rest(cluster.main.url);
	await rest.ownerSession();

	const { sandboxCredentialData } = require(path.join(REPO_ROOT, 'build-dev', 'sandbox'));
	const cred = (name, data) => createCredential(rest, name, CREDENTIAL_TYPE, { ...sandboxCredentialData(meter.url), ...data });
	const creds = {
		stable: await cred('WeChat sandbox (stable token)', { source: 'stableToken' }),
		classic: await cred('WeChat sandbox (classic token)', { source: 'classicToken' }),
		server: tokenServer
			? await cred('WeChat sandbox (central token server)', { source: 'tokenServer', tokenServerUrl: `${meter.url}${tokenServer.path}`, ...tokenServer.credentialHeader })
			: null,
	};
	const publish = (wf) => createPublished(rest, cluster.main.url, wf);
	const wfs = {
		stable: await publish(agentsWorkflow('Scale: agents + one day of records (stable token)', 'wcs-scale-agents-stable', creds.stable, day)),
		classic: await publish(agentsWorkflow('Scale: agents + one day of records (classic token)', 'wcs-scale-agents-classic', creds.classic, day)),
		server: creds.server ? await publish(agentsWorkflow('Scale: agents + one day of records (token server)', 'wcs-scale-agents-server', creds.server, day)) : null,
		busy: await publish(busyDayWorkflow('Scale: a busy day of chat records', 'wcs-scale-busy-day', creds.stable, busyDay)),
	};
	const expected = { online: sb.state.online.size, records: checks.recordsBetween(sb, day, day + 86399), busy: checks.recordsBetween(sb, busyDay, busyDay + 86399) };

	const startW = async (name) => {
		const w = await startWorker(rt, folders[name], { redis, postgres }, { name, logFile: path.join(dir, `${name}.log`) });
		cluster.workers.push(w);
		stops.push({ what: `n8n ${name}`, fn: () => w.stop() });
		record(`n8n ${name} ready`, true, `pid ${w.pid}, hostname ${w.hostname || os.hostname()}, concurrency ${w.concurrency}, ${w.readySecs.toFixed(0)}s`);
		return w;
	};
	const ctx = { rt, sb, meter, rest, redis, postgres, cluster, creds, wfs, expected, tokenServer, check, record, log, dir };

	await startW('worker-1');
	const one = part('throughput') && (await checks.throughput(ctx, 1));
	await startW('worker-2');
	if (part('throughput')) await checks.reportThroughput(ctx, one, await checks.throughput(ctx, 2));
	if (part('tokens')) await checks.tokenModes(ctx);
	if (part('pushes')) await pushes(ctx);
	await checks.clusterHealth(ctx);
	await checks.keepCompleted(ctx);
}

async function pushes(ctx) {
	const { rest, cluster, creds, wfs } = ctx;
	const { sandboxPushCredentialData } = require(path.join(REPO_ROOT, 'build-dev', 'sandbox'));
	const pushCred = await createCredential(rest, 'WeChat sandbox push', PUSH_CREDENTIAL_TYPE, sandboxPushCredentialData());
	// The trigger also answers GET (URL verification): served once it stops answering 404.
	wfs.push = await createPublished(rest, cluster.main.url, pushWorkflow(creds.stable, pushCred), (status) => status !== 404 && status !== 0);
	await pushChecks(ctx, wfs.push);
}

main()
	.catch((e) => record('scale runner', false, e.stack || e.message))
	.finally(async () => {
		await stopAll();
		const passed = results.filter((r) => r.ok).length;
		const failed = results.length - passed;
		console.log(`\nscale: total ${((Date.now() - t0) / 1000).toFixed(0)}s`);
		console.log(`scale: ${passed} passed, ${failed} failed`);
		process.exit(failed ? 1 : 0);
	});
