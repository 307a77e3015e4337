// @ts-check
'use strict';
/**
 * The scale test's checks against a running cluster (ctx from index.js): token behaviour per token source, and the
 * cluster's own health (host ids, every execution on a worker, the queue keeping completed jobs).
 */
const fs = require('fs');
const { setTimeout: sleep } = require('timers/promises');

const { firstItem } = require('../lib/runData');
const { bullRace } = require('./bull-race');
const { KEEP_LAST_COMPLETED, executionsInLog, placement } = require('./cluster');
const { assertAnswers, describeCounts, drive } = require('./workloads');

/**
 * @typedef {import('./index').ScaleContext} ScaleContext
 * @typedef {{ id: string, url: string }} PublishedWorkflow
 */

/**
 * Drives `total` executions of a workflow, then checks each through the REST API and the workers' logs.
 * @param {ScaleContext} ctx @param {PublishedWorkflow} wf @param {{ total: number, inFlight: number }} load
 */
async function runAndVerify(ctx, wf, { total, inFlight }) {
	const { rest, cluster, expected, rt } = ctx;
	const d = await drive(wf.url, { total, inFlight });
	const per = assertAnswers(d, { online: expected.online, records: expected.records });
	const execs = await rest.executions(wf.id, total);
	const logs = Object.fromEntries(cluster.workers.map((w) => [w.name, executionsInLog(w.logFile)]));
	const problems = [];
	for (const e of execs) {
		const run = await rest.execution(rt, e.id);
		const ranOn = (firstItem(run.runData, 'Ran on')?.json || {}).process;
		if (run.status !== 'success') problems.push(`execution ${e.id}: ${run.status}`);
		else if (!logs[ranOn] || !logs[ranOn].has(String(e.id))) problems.push(`execution ${e.id}: data says ${ranOn}, not in that worker's log`);
	}
	if (execs.length !== total) problems.push(`REST lists ${execs.length} executions, expected ${total}`);
	if (problems.length) throw new Error(problems.slice(0, 8).join('\n'));
	return { per, secs: d.secs, ids: execs.map((e) => e.id) };
}

/** Meter counts minus an earlier snapshot, per process. @param {ScaleContext} ctx @param {ReturnType<ScaleContext['meter']['counts']>} before */
function since(ctx, before) {
	const now = ctx.meter.counts();
	/** @type {Record<string, { requests: number, tokens: number, rejected: number }>} */
	const diff = {};
	for (const [who, c] of Object.entries(now)) {
		const b = before[who] || { requests: 0, tokens: 0, rejected: 0 };
		diff[who] = { requests: c.requests - b.requests, tokens: c.tokens - b.tokens, rejected: c.rejected - b.rejected };
	}
	return diff;
}

/** @param {Record<string, Record<string, any>>} counts @param {string} key @returns {Record<string, number>} */
const perWorker = (counts, key) =>
	Object.fromEntries(Object.entries(counts).filter(([who]) => who !== 'unknown' || counts[who][key]).map(([who, c]) => [who, c[key]]));

/** @param {ScaleContext} ctx */
async function tokenModes(ctx) {
	const { check, meter, sb, wfs } = ctx;

	await check('stableToken: 40 executions on the workers, each checked in its execution data and worker log', async () => {
		const before = meter.counts();
		const r = await runAndVerify(ctx, wfs.stable, { total: 40, inFlight: 20 });
		const phase = since(ctx, before);
		const whole = meter.counts();
		if (Object.keys(r.per).length < 2) throw new Error(`all 40 ran on ${describeCounts(r.per)}: not spread over the workers`);
		const over = Object.entries(whole).filter(([, c]) => c.tokens > 1);
		const rejected = Object.values(whole).reduce((s, c) => s + c.rejected, 0);
		if (over.length) throw new Error(`more than one token request by ${over.map(([w, c]) => `${w} (${c.tokens})`).join(', ')}`);
		if (rejected) throw new Error(`${rejected} calls were answered with a rejected token`);
		return [
			`ran on ${describeCounts(r.per)} (executions ${r.ids[r.ids.length - 1]}–${r.ids[0]}), all success`,
			`stable_token requests over the whole run: ${describeCounts(perWorker(whole, 'tokens'))}; in these 40: ${describeCounts(perWorker(phase, 'tokens'))}; rejected tokens: 0`,
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
			batches.push(`batch ${i + 1}: ran on ${describeCounts(r.per)}; token requests ${describeCounts(perWorker(d, 'tokens'))}; rejected ${describeCounts(perWorker(d, 'rejected'))}`);
		}
		const all = since(ctx, before);
		const tokens = Object.values(all).reduce((s, c) => s + c.tokens, 0);
		const rejected = Object.values(all).reduce((s, c) => s + c.rejected, 0);
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
		if (toWechat !== 1) throw new Error(`WeChat saw ${toWechat} token requests, expected 1 (the token server's)`);
		if (direct) throw new Error(`${direct} token requests reached WeChat from n8n processes directly`);
		if (Object.values(askServer).some((n) => n > 1)) throw new Error(`a process asked the token server more than once: ${describeCounts(askServer)}`);
		return `ran on ${describeCounts(r.per)}; WeChat token requests: 1 (by the token server); token-server requests per process: ${describeCounts(askServer)}`;
	});
}

/** Host ids from main's instance registry in Redis: distinct per process, so no hostid-clash. @param {ScaleContext} ctx */
async function clusterHealth(ctx) {
	const { check, redis, cluster } = ctx;
	await check('host ids: every n8n process registers its own (no hostid-clash)', async () => {
		const keys = redis.cli('--scan', '--pattern', '*{instance:}*').filter((k) => !/members$|state$/.test(k));
		const regs = keys.map((k) => JSON.parse(redis.cli('GET', k)[0] || '{}')).filter((r) => r.hostId);
		const ids = regs.map((r) => `${r.instanceType}:${r.hostId}`);
		if (regs.length < 1 + cluster.workers.length) throw new Error(`registry holds ${ids.join(', ') || 'nothing'}`);
		if (new Set(regs.map((r) => r.hostId)).size !== regs.length) throw new Error(`host ids clash: ${ids.join(', ')}`);
		const mainLog = fs.readFileSync(/** @type {string} */ (ctx.main.logFile), 'utf8');
		if (/hostid-clash|sharing the same hostId/.test(mainLog)) throw new Error('main logged a hostid-clash');
		return ids.join(', ');
	});
	await check('every execution of the run succeeded and ran on exactly one worker', async () => {
		const list = () => ctx.postgres.psql('select id, status from execution_entity order by id', 'n8n').stdout.trim().split('\n');
		let rows = list();
		// Executions still under way (a retried push's, say) get 30 s to finish.
		for (let i = 0; i < 60 && rows.some((r) => /\|(new|running|waiting)$/.test(r)); i++) {
			await sleep(500);
			rows = list();
		}
		const { per, bad } = placement(cluster.workers, rows.map((row) => row.split('|')));
		if (bad.length) throw new Error(`${bad.length} of ${rows.length}: ${bad.slice(0, 8).join('; ')}`);
		return `${rows.length} executions (PostgreSQL execution_entity), all success: ${describeCounts(per)}`;
	});
}

/**
 * Why N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED is set: the cluster's queue kept its completed jobs, and against n8n's
 * own Bull a completion that lands before main waits is lost with 0 and found with 1000.
 * @param {ScaleContext} ctx
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

module.exports = { tokenModes, clusterHealth, keepCompleted };
