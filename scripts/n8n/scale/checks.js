'use strict';
/**
 * The scale test's checks and measurements against a running cluster (ctx from scale.js): throughput with 1 and 2
 * workers, token behaviour per token source, and the cluster's own health (host ids, every execution on a worker).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { REPO_ROOT } = require('../runtime');
const { drive, perMinute } = require('./workloads');
const { executionsOf, loader, firstJson } = require('./rest');
const { KEEP_LAST_COMPLETED, executionsInLog } = require('./cluster');
const { bullRace } = require('./bull-race');
const { cpuMeter } = require('./cpu');

const LATENCY_MS = 1500;
/** Every kf call of the agents workflow; tokens stay fast (fetched once per process anyway). */
const DELAYED_PATHS = ['/cgi-bin/customservice/getonlinekflist', '/customservice/msgrecord/getmsglist'];
// 120 runs: six waves of 20 worker slots, so the first and last wave (ramp and tail) weigh less in the ratio;
// with 60, a quiet machine measured 1.59 where the steady state is near 2.
const LATENCY = { total: 120, inFlight: 24 };
const CPU = { total: 20, inFlight: 10 };
const BUSY_DAY_RECORDS = 4000;

function recordsBetween(sb, start, end) {
	const [from, to] = sb.state.records.timeRange(start, end);
	return to - from;
}

/** The sandbox's central token server (build-dev/sandbox/routes/tokenServer), its route added if not listed. */
function tokenServerOf(sb) {
	const mod = require(path.join(REPO_ROOT, 'build-dev', 'sandbox', 'routes', 'tokenServer'));
	for (const route of mod.tokenServerRoutes) sb.addRoute(route);
	return {
		path: mod.TOKEN_SERVER_PATH,
		credentialHeader: { serverHeaderName: mod.TOKEN_SERVER_HEADER.name, tokenServerHeaderValue: mod.TOKEN_SERVER_HEADER.value },
	};
}

/** Asserts every answer of a drive() is a success with the expected fields; returns executions per process. */
function assertAnswers(d, expect) {
	const perProcess = {};
	const bad = [];
	d.results.forEach((r, i) => {
		const j = r.json || {};
		const wrong = Object.entries(expect).filter(([k, v]) => j[k] !== v);
		if (r.status !== 200 || wrong.length || !/^worker-\d+$/.test(j.process || '')) {
			bad.push(`#${i}: ${r.status} ${r.error || JSON.stringify(r.json || r.text).slice(0, 200)}`);
		} else perProcess[j.process] = (perProcess[j.process] || 0) + 1;
	});
	if (bad.length) throw new Error(`${bad.length} of ${d.results.length} calls failed or ran off a worker:\n${bad.slice(0, 5).join('\n')}`);
	return perProcess;
}

const fmt = (o) => Object.entries(o).sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none';

/** CPU meter over the cluster's parts (scale/cpu.js groups). */
function clusterCpu(ctx) {
	const { cluster, postgres, redis } = ctx;
	const groups = {
		main: (pid, p) => p.pgrp === cluster.main.child.pid,
		workers: (pid, p) => cluster.workers.some((w) => p.pgrp === w.pid),
		postgres: (pid, p) => pid === postgres.pid || p.ppid === postgres.pid,
		redis: (pid) => pid === redis.pid,
		'sandbox+driver': (pid) => pid === process.pid,
	};
	return cpuMeter(groups);
}

/** Median time on a worker and median wait in the queue of a workflow's executions created since `since` (ms). */
function execStats(ctx, workflowId, since) {
	const sql = `select count(*), percentile_cont(0.5) within group (order by extract(epoch from "stoppedAt" - "startedAt")),
		percentile_cont(0.5) within group (order by extract(epoch from "startedAt" - "createdAt"))
		from execution_entity where "workflowId" = '${workflowId}' and "createdAt" >= to_timestamp(${since / 1000})`;
	const [n, run, wait] = ctx.postgres.psql(sql, 'n8n').stdout.trim().split('|');
	return { run: Number(run), text: `median ${Number(run).toFixed(2)}s on a worker, ${Number(wait).toFixed(2)}s queued (${n} executions)` };
}

/** Drives a workload and describes rate, placement, timings and CPU per part; returns { rate, text }. */
async function measured(ctx, wf, load, expect) {
	const since = Date.now();
	const cpu = clusterCpu(ctx);
	const calls = ctx.sb.requestCount;
	const d = await drive(wf.url, load);
	const used = cpu();
	const perExecution = (ctx.sb.requestCount - calls) / load.total;
	const per = assertAnswers(d, expect);
	const rate = perMinute(d);
	const total = Object.values(used).reduce((a, b) => a + b, 0);
	const stats = execStats(ctx, wf.id, since);
	return {
		rate,
		medianRun: stats.run,
		text: [
			`${load.total} executions in ${d.secs.toFixed(1)}s = ${rate.toFixed(0)}/min; ran on ${fmt(per)}; ${stats.text}`,
			`${perExecution.toFixed(1)} WeChat calls per execution; CPU ${total.toFixed(0)}s = ${(total / d.secs).toFixed(2)} of ${os.cpus().length} cores (${Object.entries(used).map(([k, v]) => `${k} ${v.toFixed(0)}s`).join(', ')}); load average ${os.loadavg()[0].toFixed(1)}`,
		].join('\n'),
	};
}

async function throughput(ctx, workers) {
	const { sb, wfs, expected, check } = ctx;
	const out = {};
	await check(`throughput, ${workers} worker(s): latency-bound (sandbox +${LATENCY_MS} ms per kf call, ${LATENCY.inFlight} in flight)`, async () => {
		for (const p of DELAYED_PATHS) sb.setFault(p, { delayMs: LATENCY_MS });
		try {
			assertAnswers(await drive(wfs.stable.url, { total: 4, inFlight: 4 }), {});
			const m = await measured(ctx, wfs.stable, LATENCY, { online: expected.online, records: expected.records });
			out.latency = m.rate;
			out.latencyRun = m.medianRun;
			return m.text;
		} finally {
			sb.clearFaults();
		}
	});
	await check(`throughput, ${workers} worker(s): CPU-bound (${BUSY_DAY_RECORDS} chat records per execution, ${CPU.inFlight} in flight)`, async () => {
		assertAnswers(await drive(wfs.busy.url, { total: 2, inFlight: 2 }), {});
		const m = await measured(ctx, wfs.busy, CPU, { records: expected.busy });
		out.cpu = m.rate;
		return m.text;
	});
	return out;
}

async function reportThroughput(ctx, one, two) {
	const ratio = (k) => (one[k] && two[k] ? two[k] / one[k] : NaN);
	const lines = [
		`latency-bound (WeChat +${LATENCY_MS} ms per call): 1 worker ${one.latency?.toFixed(0)}/min, 2 workers ${two.latency?.toFixed(0)}/min, ratio ${ratio('latency').toFixed(2)}`,
		`CPU-bound (${BUSY_DAY_RECORDS} records per execution): 1 worker ${one.cpu?.toFixed(1)}/min, 2 workers ${two.cpu?.toFixed(1)}/min, ratio ${ratio('cpu').toFixed(2)}`,
	];
	for (const l of lines) console.log(`      ${l}`);
	ctx.figures = { ...ctx.figures, throughput: { one, two, latencyRatio: ratio('latency'), cpuRatio: ratio('cpu') } };
	await ctx.check('throughput: a second worker nearly doubles a latency-bound load (ratio >= 1.6)', async () => {
		const wechat = (DELAYED_PATHS.length * LATENCY_MS) / 1000;
		if (!(ratio('latency') >= 1.6)) {
			throw new Error(`${lines[0]}\nan execution took a median ${two.latencyRun?.toFixed(1)}s on a worker for ${wechat}s of WeChat latency (load average ${os.loadavg()[0].toFixed(1)}): the rest is waiting for CPU`);
		}
		return lines.join('\n');
	});
}

/** Drives `total` executions of a workflow, then checks each through the REST API and the workers' logs. */
async function runAndVerify(ctx, wf, { total, inFlight }) {
	const { rest, cluster, expected, rt } = ctx;
	const d = await drive(wf.url, { total, inFlight });
	const per = assertAnswers(d, { online: expected.online, records: expected.records });
	const execs = await executionsOf(rest, wf.id, total);
	const load = loader(rt);
	const logs = Object.fromEntries(cluster.workers.map((w) => [w.name, executionsInLog(w.logFile)]));
	const problems = [];
	for (const e of execs) {
		const run = await load(rest, e.id);
		const ranOn = (firstJson(run.runData, 'Ran on') || {}).process;
		if (run.status !== 'success') problems.push(`execution ${e.id}: ${run.status}`);
		else if (!logs[ranOn] || !logs[ranOn].has(String(e.id))) problems.push(`execution ${e.id}: data says ${ranOn}, not in that worker's log`);
	}
	if (execs.length !== total) problems.push(`REST lists ${execs.length} executions, expected ${total}`);
	if (problems.length) throw new Error(problems.slice(0, 8).join('\n'));
	return { per, secs: d.secs, ids: execs.map((e) => e.id) };
}

/** Meter counts minus an earlier snapshot, per process. */
function since(ctx, before) {
	const now = ctx.meter.counts();
	const diff = {};
	for (const [who, c] of Object.entries(now)) {
		const b = before[who] || { requests: 0, tokens: 0, rejected: 0 };
		diff[who] = { requests: c.requests - b.requests, tokens: c.tokens - b.tokens, rejected: c.rejected - b.rejected };
	}
	return diff;
}

const perWorker = (counts, key) =>
	Object.fromEntries(Object.entries(counts).filter(([who]) => who !== 'unknown' || counts[who][key]).map(([who, c]) => [who, c[key]]));

async function tokenModes(ctx) {
	const { check, meter, sb, wfs } = ctx;
	ctx.figures = ctx.figures || {};

	await check('stableToken: 40 executions on the workers, each checked in its execution data and worker log', async () => {
		const before = meter.counts();
		const r = await runAndVerify(ctx, wfs.stable, { total: 40, inFlight: 20 });
		const phase = since(ctx, before);
		const whole = meter.counts();
		if (Object.keys(r.per).length < 2) throw new Error(`all 40 ran on ${fmt(r.per)}: not spread over the workers`);
		const over = Object.entries(whole).filter(([, c]) => c.tokens > 1);
		const rejected = Object.values(whole).reduce((s, c) => s + c.rejected, 0);
		if (over.length) throw new Error(`more than one token request by ${over.map(([w, c]) => `${w} (${c.tokens})`).join(', ')}`);
		if (rejected) throw new Error(`${rejected} calls were answered with a rejected token`);
		ctx.figures.stable = { per: r.per, tokensWholeRun: perWorker(whole, 'tokens'), tokensPhase: perWorker(phase, 'tokens') };
		return [
			`ran on ${fmt(r.per)} (executions ${r.ids[r.ids.length - 1]}–${r.ids[0]}), all success`,
			`stable_token requests over the whole run: ${fmt(perWorker(whole, 'tokens'))}; in these 40: ${fmt(perWorker(phase, 'tokens'))}; rejected tokens: 0`,
		].join('\n');
	});

	await check('classicToken: 40 executions in 3 batches, sandbox clock +301 s between them (past the 5-minute overlap)', async () => {
		const before = meter.counts();
		const batches = [];
		for (const [i, total] of [14, 13, 13].entries()) {
			if (i) sb.clock.advance(301);
			const b = meter.counts();
			const r = await runAndVerify(ctx, wfs.classic, { total, inFlight: total });
			const d = since(ctx, b);
			batches.push(`batch ${i + 1}: ran on ${fmt(r.per)}; token requests ${fmt(perWorker(d, 'tokens'))}; rejected ${fmt(perWorker(d, 'rejected'))}`);
		}
		const all = since(ctx, before);
		const tokens = Object.values(all).reduce((s, c) => s + c.tokens, 0);
		const rejected = Object.values(all).reduce((s, c) => s + c.rejected, 0);
		ctx.figures.classic = { tokens, rejected, perWorkerTokens: perWorker(all, 'tokens'), perWorkerRejected: perWorker(all, 'rejected') };
		return [
			...batches,
			`total: ${tokens} classic token requests, ${rejected} calls rejected (40001) and retried with a new token; all 40 executions succeeded`,
			'each classic fetch revokes the token the other worker holds 5 minutes later, so the workers take turns invalidating each other',
		].join('\n');
	});

	await check('central token server (the sandbox as 中控): 40 executions, one token request to WeChat for the whole cluster', async () => {
		const before = meter.counts();
		const wechatBefore = sb.tokenRequests().length;
		const r = await runAndVerify(ctx, wfs.server, { total: 40, inFlight: 20 });
		const d = since(ctx, before);
		const toWechat = sb.tokenRequests().length - wechatBefore;
		const direct = sb.tokenRequests().slice(wechatBefore).filter((q) => q.headers['x-wcs-meter']).length;
		const askServer = perWorker(d, 'tokens');
		ctx.figures.server = { toWechat, askServer };
		if (toWechat !== 1) throw new Error(`WeChat saw ${toWechat} token requests, expected 1 (the token server's)`);
		if (direct) throw new Error(`${direct} token requests reached WeChat from n8n processes directly`);
		if (Object.values(askServer).some((n) => n > 1)) throw new Error(`a process asked the token server more than once: ${fmt(askServer)}`);
		return `ran on ${fmt(r.per)}; WeChat token requests: 1 (by the token server); token-server requests per process: ${fmt(askServer)}`;
	});
}

/** Host ids from main's instance registry in Redis: distinct per process, so no hostid-clash. */
async function clusterHealth(ctx) {
	const { check, redis, cluster } = ctx;
	await check('host ids: every n8n process registers its own (no hostid-clash)', async () => {
		const keys = redis.cli('--scan', '--pattern', '*{instance:}*').filter((k) => !/members$|state$/.test(k));
		const regs = keys.map((k) => JSON.parse(redis.cli('GET', k)[0] || '{}')).filter((r) => r.hostId);
		const ids = regs.map((r) => `${r.instanceType}:${r.hostId}`);
		if (regs.length < 1 + cluster.workers.length) throw new Error(`registry holds ${ids.join(', ') || 'nothing'}`);
		if (new Set(regs.map((r) => r.hostId)).size !== regs.length) throw new Error(`host ids clash: ${ids.join(', ')}`);
		const mainLog = fs.readFileSync(cluster.main.logFile, 'utf8');
		if (/hostid-clash|sharing the same hostId/.test(mainLog)) throw new Error('main logged a hostid-clash');
		return ids.join(', ');
	});
	await check('every execution of the run succeeded and ran on exactly one worker', async () => {
		const logs = cluster.workers.map((w) => [w.name, executionsInLog(w.logFile)]);
		const list = () => ctx.postgres.psql('select id, status from execution_entity order by id', 'n8n').stdout.trim().split('\n');
		let rows = list();
		// Executions still under way (a retried push's, say) get 30 s to finish.
		for (let i = 0; i < 60 && rows.some((r) => /\|(new|running|waiting)$/.test(r)); i++) {
			await new Promise((r) => setTimeout(r, 500));
			rows = list();
		}
		const bad = [];
		const per = {};
		for (const row of rows) {
			const [id, status] = row.split('|');
			const on = logs.filter(([, s]) => s.has(id)).map(([n]) => n);
			if (status !== 'success' || on.length !== 1) bad.push(`${id} ${status} on ${on.join('+') || 'no worker'}`);
			else per[on[0]] = (per[on[0]] || 0) + 1;
		}
		if (bad.length) throw new Error(`${bad.length} of ${rows.length}: ${bad.slice(0, 8).join('; ')}`);
		return `${rows.length} executions (PostgreSQL execution_entity), all success: ${fmt(per)}`;
	});
}

/**
 * Why N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED is set: the cluster's queue kept its completed jobs, and against n8n's
 * own Bull a completion that lands before main waits is lost with 0 and found with 1000.
 */
async function keepCompleted(ctx) {
	await ctx.check(`queue keeps completed jobs (N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED=${KEEP_LAST_COMPLETED}): no lost completion`, async () => {
		const kept = Number(ctx.redis.cli('ZCARD', 'bull:jobs:completed')[0]);
		if (!(kept > 0)) throw new Error(`Redis bull:jobs:completed holds ${kept} jobs`);
		const race = await bullRace(ctx.rt, ctx.redis);
		if (race.keep0 !== 'hung' || race.keep1000 !== 'resolved') throw new Error(`Bull ${race.version}: ${JSON.stringify(race)}`);
		return [
			`the cluster's queue holds ${kept} completed jobs (capped at ${KEEP_LAST_COMPLETED})`,
			`Bull ${race.version}, a job completed before job.finished() is called: removeOnComplete 0 → finished() ${race.keep0}; 1000 → ${race.keep1000}`,
		].join('\n');
	});
}

module.exports = { BUSY_DAY_RECORDS, recordsBetween, tokenServerOf, throughput, reportThroughput, tokenModes, clusterHealth, keepCompleted };
