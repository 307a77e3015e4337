// @ts-check
'use strict';
/**
 * The lost-completion race in n8n's queue, shown against the Bull n8n ships: main adds a job, runs a hook, then
 * calls job.finished(). If a worker finishes the job in between and Bull removed it on completion (n8n's default
 * N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED=0 → removeOnComplete 0), finished() finds it in neither the completed
 * nor the failed set and waits for a completion event that was already published: it never resolves.
 */
const path = require('path');
const { setTimeout: sleep } = require('timers/promises');

/** @typedef {{ host: string, port: number }} Redis */

/**
 * Resolves 'resolved' or 'hung' for one job whose completion lands before finished() is called.
 * @param {any} Bull the Bull queue class n8n ships @param {Redis} redis @param {number} keepLastCompleted
 */
async function oneJob(Bull, redis, keepLastCompleted, waitMs = 3000) {
	const name = `wcs-race-${keepLastCompleted}-${process.pid}-${Date.now()}`;
	const opts = { redis: { host: redis.host, port: redis.port } };
	const main = new Bull(name, opts);
	const worker = new Bull(name, opts);
	try {
		/** @type {(value?: unknown) => void} */
		let done;
		const processed = new Promise((r) => (done = r));
		void worker.process(async () => {
			setImmediate(done);
			return { ok: true };
		});
		const job = await main.add({}, { removeOnComplete: keepLastCompleted, removeOnFail: 0 });
		// Stands in for main's workflowExecuteBefore hook, during which a fast worker completes the job.
		await processed;
		await sleep(200);
		let timer;
		const outcome = await Promise.race([
			job.finished().then(() => 'resolved'),
			new Promise((r) => (timer = setTimeout(() => r('hung'), waitMs))),
		]);
		clearTimeout(timer);
		return outcome;
	} finally {
		await Promise.all([main.close(), worker.close()]).catch(/** @returns {undefined} */ () => undefined);
	}
}

/** @param {import('../lib/n8nProcess').Runtime} rt @param {Redis} redis */
async function bullRace(rt, redis) {
	const bullDir = path.join(rt.dir, 'node_modules', 'bull');
	const Bull = require(bullDir);
	const version = require(path.join(bullDir, 'package.json')).version;
	return { version, keep0: await oneJob(Bull, redis, 0), keep1000: await oneJob(Bull, redis, 1000) };
}

module.exports = { bullRace };
