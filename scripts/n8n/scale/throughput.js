// @ts-check
'use strict';
/**
 * Throughput of the cluster with 1 and 2 workers (ctx from index.js): a latency-bound load (the sandbox answers
 * every kf call late) and a CPU-bound one (thousands of chat records per execution), with where each execution ran,
 * how long it ran and waited, and the CPU seconds each part of the cluster spent.
 */
const os = require('os');

const { cpuMeter } = require('./cpu');
const { BUSY_DAY_RECORDS, assertAnswers, describeCounts, drive, perMinute } = require('./workloads');

/**
 * @typedef {import('./index').ScaleContext} ScaleContext
 * @typedef {{ id: string, url: string }} PublishedWorkflow
 * @typedef {{ latency?: number, latencyRun?: number, cpu?: number }} Throughput  executions per minute, median seconds
 */

const LATENCY_MS = 1500;
/** Every kf call of the agents workflow; tokens stay fast (fetched once per process anyway). */
const DELAYED_PATHS = ['/cgi-bin/customservice/getonlinekflist', '/customservice/msgrecord/getmsglist'];
// 120 runs: six waves of 20 worker slots, so the first and last wave (ramp and tail) weigh less in the ratio;
// with 60, a quiet machine measured 1.59 where the steady state is near 2.
const LATENCY = { total: 120, inFlight: 24 };
const CPU = { total: 20, inFlight: 10 };

/** CPU meter over the cluster's parts (scale/cpu.js groups). @param {ScaleContext} ctx */
function clusterCpu(ctx) {
	const { cluster, postgres, redis } = ctx;
	/** @type {Record<string, (pid: number, p: import('./cpu').ProcessInfo) => boolean>} */
	const groups = {
		main: (pid, p) => p.pgrp === ctx.main.child.pid,
		workers: (pid, p) => cluster.workers.some((w) => p.pgrp === w.pid),
		postgres: (pid, p) => pid === postgres.pid || p.ppid === postgres.pid,
		redis: (pid) => pid === redis.pid,
		'sandbox+driver': (pid) => pid === process.pid,
	};
	return cpuMeter(groups);
}

/**
 * Median time on a worker and median wait in the queue of a workflow's executions created since `since` (ms).
 * @param {ScaleContext} ctx @param {string} workflowId @param {number} since
 */
function execStats(ctx, workflowId, since) {
	const sql = `select count(*), percentile_cont(0.5) within group (order by extract(epoch from "stoppedAt" - "startedAt")),
		percentile_cont(0.5) within group (order by extract(epoch from "startedAt" - "createdAt"))
		from execution_entity where "workflowId" = '${workflowId}' and "createdAt" >= to_timestamp(${since / 1000})`;
	const [n, run, wait] = ctx.postgres.psql(sql, 'n8n').stdout.trim().split('|');
	return { run: Number(run), text: `median ${Number(run).toFixed(2)}s on a worker, ${Number(wait).toFixed(2)}s queued (${n} executions)` };
}

/**
 * Drives a workload and describes rate, placement, timings and CPU per part; returns { rate, text }.
 * @param {ScaleContext} ctx @param {PublishedWorkflow} wf @param {{ total: number, inFlight: number }} load
 * @param {Record<string, unknown>} expect
 */
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
			`${load.total} executions in ${d.secs.toFixed(1)}s = ${rate.toFixed(0)}/min; ran on ${describeCounts(per)}; ${stats.text}`,
			`${perExecution.toFixed(1)} WeChat calls per execution; CPU ${total.toFixed(0)}s = ${(total / d.secs).toFixed(2)} of ${os.cpus().length} cores (${Object.entries(used).map(([k, v]) => `${k} ${v.toFixed(0)}s`).join(', ')}); load average ${os.loadavg()[0].toFixed(1)}`,
		].join('\n'),
	};
}

/** @param {ScaleContext} ctx @param {number} workers */
async function throughput(ctx, workers) {
	const { sb, wfs, expected, check } = ctx;
	/** @type {Throughput} */
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

/** @param {ScaleContext} ctx @param {Throughput} one @param {Throughput} two */
async function reportThroughput(ctx, one, two) {
	/** @param {'latency' | 'cpu'} k */
	const ratio = (k) => (one[k] && two[k] ? two[k] / one[k] : NaN);
	const lines = [
		`latency-bound (WeChat +${LATENCY_MS} ms per call): 1 worker ${one.latency?.toFixed(0)}/min, 2 workers ${two.latency?.toFixed(0)}/min, ratio ${ratio('latency').toFixed(2)}`,
		`CPU-bound (${BUSY_DAY_RECORDS} records per execution): 1 worker ${one.cpu?.toFixed(1)}/min, 2 workers ${two.cpu?.toFixed(1)}/min, ratio ${ratio('cpu').toFixed(2)}`,
	];
	for (const l of lines) console.log(`      ${l}`);
	await ctx.check('throughput: a second worker nearly doubles a latency-bound load (ratio >= 1.6)', async () => {
		const wechat = (DELAYED_PATHS.length * LATENCY_MS) / 1000;
		if (!(ratio('latency') >= 1.6)) {
			throw new Error(`${lines[0]}\nan execution took a median ${two.latencyRun?.toFixed(1)}s on a worker for ${wechat}s of WeChat latency (load average ${os.loadavg()[0].toFixed(1)}): the rest is waiting for CPU`);
		}
		return lines.join('\n');
	});
}

module.exports = { throughput, reportThroughput };
