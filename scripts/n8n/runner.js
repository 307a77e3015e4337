// @ts-check
'use strict';
/**
 * The one runner of the real-n8n suites: `node scripts/n8n/runner.js <suite> [options]`.
 *   e2e    `npm run test:e2e`: the package in a real n8n (e2e/index.js; options there)
 *   scale  `npm run test:scale`: the package on n8n's queue mode (scale/index.js; options there)
 * A suite runs its checks through the runner: each check is one named assertion, reported as one PASS, FAIL or SKIP
 * line with its seconds and detail. Everything a suite starts is registered with onStop() and stopped last-in
 * first-out on success, failure, SIGINT and SIGTERM. The last line is "<suite>: N passed, N failed"; CI counts it.
 * Common options: --no-build  --only=<text>.  Env: E2E_STRICT=1 counts skips as failures.
 */
const fs = require('fs');
const path = require('path');

const { REPO_ROOT } = require('./lib/proc');

/**
 * @typedef {'pass' | 'fail' | 'skip'} Status
 * @typedef {{ name: string, status: Status, secs: number, detail: string }} CheckResult
 * @typedef {string | void | { skip?: string, fail?: string, detail?: string, secs?: number }} CheckOutcome
 *   what a check's function returns: a detail line, a skip or a failure, or a detail with its own seconds
 * @typedef {{ name: string, run(runner: Runner): Promise<void> }} Suite
 */

/** @type {Record<string, () => Suite>} */
const SUITES = {
	e2e: () => require('./e2e'),
	scale: () => require('./scale'),
};

const MARKS = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' };

class Runner {
	/** @param {string} suite @param {string[]} argv */
	constructor(suite, argv) {
		this.suite = suite;
		this.argv = argv;
		/** Text a check name must contain to run (--only=…); empty runs all. */
		this.only = (argv.find((a) => a.startsWith('--only=')) || '').slice('--only='.length);
		this.strict = process.env.E2E_STRICT === '1';
		this.artifacts = path.join(REPO_ROOT, '.e2e-artifacts');
		/** @type {CheckResult[]} */
		this.results = [];
		/** @type {Record<string, number>} seconds per phase, printed at the end */
		this.timings = {};
		this.started = Date.now();
		/** @type {{ what: string, fn: () => unknown }[]} */
		this.stops = [];
		/** @type {Promise<void> | null} */
		this.stopping = null;
	}

	/** @param {string} f */
	flag(f) {
		return this.argv.includes(f);
	}

	/** @param {string} name @param {Status} status @param {number} secs @param {string} [detail] */
	record(name, status, secs, detail = '') {
		this.results.push({ name, status, secs, detail });
		const indented = detail ? `\n      ${String(detail).split('\n').join('\n      ')}` : '';
		console.log(`${MARKS[status]}  ${name} (${secs.toFixed(1)}s)${indented}`);
	}

	/**
	 * Runs one check and records it; a thrown error fails it without stopping the run. `skipFlag`: the option that
	 * skips it (a failure under E2E_STRICT=1).
	 * @param {string} name @param {() => Promise<CheckOutcome>} fn @param {{ skipFlag?: string }} [options]
	 */
	async check(name, fn, { skipFlag } = {}) {
		if (skipFlag && this.flag(skipFlag)) return this.record(name, this.strict ? 'fail' : 'skip', 0, skipFlag);
		const t0 = Date.now();
		try {
			const r = await fn();
			const secs = typeof r === 'object' && r.secs !== undefined ? r.secs : (Date.now() - t0) / 1000;
			if (typeof r !== 'object') this.record(name, 'pass', secs, r || '');
			else if (r.skip) this.record(name, this.strict ? 'fail' : 'skip', secs, r.skip);
			else if (r.fail) this.record(name, 'fail', secs, r.fail);
			else this.record(name, 'pass', secs, r.detail || '');
		} catch (e) {
			this.record(name, 'fail', (Date.now() - t0) / 1000, (e && (e.stack || e.message)) || String(e));
		}
	}

	/** Registers how to stop something the suite started. @param {string} what @param {() => unknown} fn */
	onStop(what, fn) {
		this.stops.push({ what, fn });
	}

	/** Runs the stop functions last-in first-out, exactly once. */
	stopAll() {
		this.stopping ??= (async () => {
			while (this.stops.length) {
				const { what, fn } = /** @type {{ what: string, fn: () => unknown }} */ (this.stops.pop());
				await Promise.resolve()
					.then(fn)
					.catch((e) => console.error(`[${this.suite}] stopping ${what}: ${e.message}`));
			}
		})();
		return this.stopping;
	}

	/** Prints timings, skips and the summary line, writes <suite>-results.json; returns the exit code. */
	finish() {
		const passed = this.results.filter((r) => r.status === 'pass').length;
		const failed = this.results.filter((r) => r.status === 'fail').length;
		const skipped = this.results.filter((r) => r.status === 'skip');
		this.timings.total = (Date.now() - this.started) / 1000;
		console.log(`\ntimings (s): ${Object.entries(this.timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
		if (skipped.length) console.log(`skipped ${skipped.length}: ${skipped.map((s) => s.name).join('; ')}`);
		fs.mkdirSync(this.artifacts, { recursive: true });
		const results = { results: this.results, timings: this.timings };
		fs.writeFileSync(path.join(this.artifacts, `${this.suite}-results.json`), JSON.stringify(results, null, 2));
		console.log(`${this.suite}: ${passed} passed, ${failed} failed`);
		return failed ? 1 : 0;
	}
}

async function main() {
	const [name, ...argv] = process.argv.slice(2);
	if (!SUITES[name]) {
		console.error(`usage: node scripts/n8n/runner.js <${Object.keys(SUITES).join('|')}> [options]`);
		process.exit(2);
	}
	const runner = new Runner(name, argv);
	for (const [signal, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143]])) {
		process.on(signal, () => {
			console.error(`\n[${name}] ${signal}: stopping everything started...`);
			void runner.stopAll().then(() => process.exit(code));
		});
	}
	try {
		await SUITES[name]().run(runner);
	} catch (e) {
		runner.record(`${name} runner`, 'fail', (Date.now() - runner.started) / 1000, e.stack || e.message);
	}
	await runner.stopAll();
	process.exit(runner.finish());
}

module.exports = { Runner };

if (require.main === module) void main();
