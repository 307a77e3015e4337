// @ts-check
'use strict';
/**
 * `npm start` twice on one user folder: n8n runs in Asia/Shanghai, SIGTERM (first run) and SIGHUP (second run) stop
 * n8n and the sandbox like Ctrl-C, an example edited in between is kept while the others are re-imported, a busy
 * port is reported in one line (no stack trace) with the process that holds it, and the trigger examples are
 * published and stay so across the restart, except one the user unpublished.
 */
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const { n8nCliOk } = require('../../lib/n8nProcess');
const { freePort } = require('../../lib/ports');
const { Rest } = require('../../lib/rest');
const { startNpmStart, waitForBanner, stopWith } = require('../npmStart');

const EDITED = 'wcsExAgents000001';
const AUTO_REPLY = 'wcsExAutoReply01';
const CLOSE_LOG = 'wcsExCloseLog001';

/**
 * id → whether the workflow is published, as n8n's REST API says.
 * @param {Rest} rest @param {string[]} ids
 */
async function publishedState(rest, ids) {
	/** @type {Record<string, boolean>} */
	const state = {};
	for (const id of ids) {
		const wf = await rest.workflow(id);
		state[id] = Boolean(wf.activeVersionId || wf.active);
	}
	return state;
}

/** @type {import('..').E2eCheck} */
module.exports = {
	name: 'npm start again: Asia/Shanghai, SIGTERM and SIGHUP stop everything, edited examples kept, busy port named, triggers stay published',
	async run(ctx) {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-restart-'));
		const [n8nPort, sandboxPort] = [await freePort(), await freePort()];
		const env = { N8N_PORT: String(n8nPort), SANDBOX_PORT: String(sandboxPort), WECHAT_CS_START_USER_FOLDER: userFolder, GENERIC_TIMEZONE: '', TZ: '' };
		/** @type {import('../npmStart').NpmStart[]} */
		const runs = [];
		try {
			const first = startNpmStart(env);
			runs.push(first);
			await waitForBanner(first, 240000);
			if (!first.output().includes('Time zone: Asia/Shanghai')) throw new Error(`npm start did not run n8n in Asia/Shanghai:\n${first.output().slice(-1500)}`);
			const rest = new Rest(`http://127.0.0.1:${n8nPort}`);
			await rest.ownerSession();
			const published = await publishedState(rest, [AUTO_REPLY, CLOSE_LOG]);
			if (!published[AUTO_REPLY] || !published[CLOSE_LOG]) throw new Error(`the trigger examples are not published: ${JSON.stringify(published)}`);
			const wf = await rest.workflow(EDITED);
			await rest.call('PATCH', `/rest/workflows/${EDITED}`, { name: `${wf.name} (edited)`, versionId: wf.versionId });

			await stopWith(first, 'SIGTERM', 'SIGTERM', [n8nPort, sandboxPort], 40000);
			// The user unpublishes one trigger example: the next start must leave it so.
			await n8nCliOk(ctx.rt, userFolder, ['unpublish:workflow', `--id=${CLOSE_LOG}`]);
			// A listener on the sandbox port: the next start must name it.
			const blocker = net.createServer();
			await new Promise((resolve, reject) => blocker.once('error', reject).listen(sandboxPort, '127.0.0.1', () => resolve(undefined)));
			const busy = startNpmStart(env);
			runs.push(busy);
			const b = await busy.exited;
			blocker.close();
			if (b.code === 0 || !busy.output().includes(`Port ${sandboxPort} (for the sandbox) is in use on 127.0.0.1 by process ${process.pid}`)) {
				throw new Error(`a busy port was not reported with its process (${process.pid}):\n${busy.output().slice(-1500)}`);
			}
			if (/\n\s+at /.test(busy.output())) throw new Error(`the busy-port message ends with a stack trace:\n${busy.output().slice(-1500)}`);

			const second = startNpmStart(env);
			runs.push(second);
			await waitForBanner(second, 240000);
			if (!second.output().includes('Keeping your edited copy of')) throw new Error(`the edited example was not kept:\n${second.output().slice(-1500)}`);
			await rest.ownerSession();
			const after = await rest.workflow(EDITED);
			if (!after.name.endsWith('(edited)')) throw new Error(`the edited example was overwritten (name "${after.name}")`);
			const republished = await publishedState(rest, [AUTO_REPLY, CLOSE_LOG]);
			if (!republished[AUTO_REPLY] || republished[CLOSE_LOG]) {
				throw new Error(`after the restart 05 must be published and the unpublished 06 not: ${JSON.stringify(republished)}`);
			}
			await stopWith(second, 'SIGHUP', 'SIGHUP', [n8nPort, sandboxPort], 40000);
			return 'Asia/Shanghai; SIGTERM and SIGHUP stopped n8n and the sandbox; edited example kept; busy port named with its pid, no stack; trigger examples published, the unpublished one kept unpublished';
		} finally {
			for (const r of runs) if (r.child.exitCode === null) r.child.kill('SIGKILL');
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	},
};
