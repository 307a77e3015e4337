// @ts-check
'use strict';
/**
 * Every example as `npm start` ships it, in a user folder prepared the same way (sample photo in n8n's files
 * folder, 07's path set, trigger examples published), against a freshly seeded demo sandbox: each ends green and
 * its last nodes produce items. Manual examples run with `n8n execute`; the trigger examples (05, 06) get the
 * README's sandbox commands as written (only the host and port point at this n8n) while n8n runs.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');

const { prepareUserFolder, publish, readJson, workflowFiles } = require('../../instance');
const { prepareExamples, filesEnv, receivesPushes } = require('../../lib/examples');
const { executeWorkflow, startN8n } = require('../../lib/n8nProcess');
const { freePort } = require('../../lib/ports');
const { REPO_ROOT } = require('../../lib/proc');
const { Rest } = require('../../lib/rest');
const { nodeOutput } = require('../../lib/runData');
const { waitRegistered, webhookUrl } = require('../trigger/instance');

/**
 * @typedef {import('..').E2eContext} E2eContext
 * @typedef {{ id: string, name: string, nodes: any[], connections: Record<string, unknown> }} Workflow
 */

/** The nodes a workflow ends with: those without an outgoing connection (sticky notes aside). @param {Workflow} wf */
function lastNodes(wf) {
	return wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote' && !wf.connections[n.name]).map((n) => n.name);
}

/** The README's `npm run sandbox -- …` lines of "Try it with the sandbox", as argument lists. */
function readmeSandboxCommands() {
	const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('### Try it with the sandbox'));
	const block = /```bash\n([\s\S]*?)```/.exec(section);
	if (!block) throw new Error('README.md has no ```bash block after "### Try it with the sandbox"');
	return block[1]
		.split('\n')
		.filter((line) => line.startsWith('npm run sandbox -- '))
		.map((line) => [...line.slice('npm run sandbox -- '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]));
}

/** @param {E2eContext} ctx @param {string} userFolder @param {Workflow} wf @returns {Promise<[string, number][]>} */
async function runManual(ctx, userFolder, wf) {
	await ctx.restartSandbox();
	const logName = `example-${wf.id}.jsonl`;
	const r = await executeWorkflow(ctx.rt, userFolder, wf.id, path.join(ctx.artifacts, logName), filesEnv(userFolder));
	const { run, errorText } = r;
	if (r.code !== 0 || !run || run.status !== 'success') {
		throw new Error(`"${wf.name}" did not end green (exit ${r.code}; log .e2e-artifacts/${logName}): ${errorText || (run && JSON.stringify(run.data.resultData.error))}`);
	}
	return lastNodes(wf).map((node) => [node, (nodeOutput(run.data.resultData.runData, node) || []).length]);
}

/** `npm run sandbox -- <args>` (as scripts/sandbox.js); asynchronously: the sandbox it pushes through runs in this process. @param {string[]} args @param {string} sandboxPort */
function runSandboxCli(args, sandboxPort) {
	return new Promise((resolve, reject) => {
		const cli = [path.join(REPO_ROOT, 'scripts', 'sandbox.js'), ...args];
		execFile(process.execPath, cli, { env: { ...process.env, SANDBOX_PORT: sandboxPort }, timeout: 60000 }, (error, stdout, stderr) =>
			error ? reject(new Error(`npm run sandbox -- ${args.join(' ')} failed (${error.code}):\n${stdout}${stderr}`)) : resolve(undefined),
		);
	});
}

/** Item counts of the last nodes of every execution of the trigger examples. @param {E2eContext} ctx @param {Rest} rest @param {Workflow[]} triggers */
async function triggerOutputs(ctx, rest, triggers) {
	/** @type {[string, number][]} */
	const counts = [];
	for (const wf of triggers) {
		const pushes = readmeSandboxCommands().filter((c) => c[0] === 'push' && c[c.indexOf('--url') + 1].includes(webhookUrl('', wf)));
		for (const e of await rest.finishedExecutions(wf.id, pushes.length, 60000)) {
			const ex = await rest.execution(ctx.rt, e.id);
			if (ex.status !== 'success') throw new Error(`"${wf.name}" execution ${e.id} ended ${ex.status}: ${JSON.stringify(ex.error)}`);
			for (const node of lastNodes(wf)) counts.push([`${node} (execution ${e.id})`, (nodeOutput(ex.runData, node) || []).length]);
		}
	}
	return counts;
}

/** The trigger examples published, pushed to with the README's commands. @param {E2eContext} ctx @param {string} userFolder @param {Workflow[]} triggers */
async function runTriggers(ctx, userFolder, triggers) {
	const sb = await ctx.restartSandbox();
	for (const wf of triggers) await publish(ctx.rt, userFolder, wf.id);
	const logFile = path.join(ctx.artifacts, 'examples-n8n.log');
	const n8n = await startN8n(ctx.rt, userFolder, { port: await freePort(), logFile, extraEnv: filesEnv(userFolder) });
	try {
		const rest = new Rest(n8n.url);
		await rest.ownerSession();
		for (const wf of triggers) await waitRegistered(webhookUrl(n8n.url, wf));
		for (const command of readmeSandboxCommands()) {
			await runSandboxCli(command.map((a) => a.replace('http://127.0.0.1:5678', n8n.url)), new URL(sb.url).port);
		}
		return await triggerOutputs(ctx, rest, triggers);
	} finally {
		await n8n.stop();
	}
}

/** @type {import('..').E2eCheck} */
module.exports = {
	name: 'examples as npm start ships them: each ends green and its last nodes produce items (triggers: the README pushes)',
	async run(ctx) {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-examples-'));
		try {
			const sb = await ctx.restartSandbox();
			const prepared = prepareExamples(userFolder, workflowFiles(path.join(REPO_ROOT, 'examples')));
			await prepareUserFolder(ctx.rt, userFolder, { sandboxUrl: sb.url, workflows: prepared });
			const all = prepared.map(readJson);
			const counts = [];
			for (const wf of all.filter((w) => !receivesPushes(w))) {
				for (const [node, n] of await runManual(ctx, userFolder, wf)) counts.push([`${wf.name} → ${node}`, n]);
			}
			const triggers = all.filter(receivesPushes);
			for (const [node, n] of await runTriggers(ctx, userFolder, triggers)) counts.push([node, n]);
			const empty = counts.filter(([, n]) => n === 0);
			if (empty.length) return { fail: `no items from: ${empty.map(([node]) => node).join('; ')}` };
			return counts.map(([node, n]) => `${node}: ${n}`).join('; ');
		} finally {
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	},
};
