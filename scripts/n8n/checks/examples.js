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

const { REPO_ROOT, n8nCli, parseExecuteOutput, nodeOutput } = require('../runtime');
const { prepareUserFolder, startN8n, Rest, readJson, workflowFiles } = require('../instance');
const { freePort } = require('../lib/ports');
const { prepareExamples, filesEnv, receivesPushes } = require('../lib/examples');
const { publish, waitRegistered, executions } = require('../trigger-e2e');

/** The nodes a workflow ends with: those without an outgoing connection (sticky notes aside). */
function lastNodes(wf) {
	return wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote' && !wf.connections[n.name]).map((n) => n.name);
}

/** The README's `npm run sandbox -- …` lines of "Try it with the sandbox", as argument lists. */
function readmeSandboxCommands() {
	const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('### Try it with the sandbox'));
	const block = /```bash\n([\s\S]*?)```/.exec(section)[1];
	return block
		.split('\n')
		.filter((line) => line.startsWith('npm run sandbox -- '))
		.map((line) => [...line.slice('npm run sandbox -- '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]));
}

async function runManual(ctx, userFolder, wf) {
	await ctx.restartSandbox();
	const r = await n8nCli(ctx.rt, userFolder, ['execute', `--id=${wf.id}`, '--rawOutput'], { N8N_LOG_FORMAT: 'json', ...filesEnv(userFolder) });
	const logName = `example-${wf.id}.jsonl`;
	fs.writeFileSync(path.join(ctx.artifacts, logName), r.stdout + (r.stderr ? `\n--- stderr ---\n${r.stderr}` : ''));
	const { run, errorText } = parseExecuteOutput(r.stdout);
	if (r.code !== 0 || !run || run.status !== 'success') {
		throw new Error(`"${wf.name}" did not end green (exit ${r.code}; log .e2e-artifacts/${logName}): ${errorText || (run && JSON.stringify(run.data.resultData.error))}`);
	}
	return lastNodes(wf).map((node) => [node, (nodeOutput(run, node) || []).length]);
}

/** Finished executions of a workflow, waiting until there are `count`. */
async function finished(rest, workflowId, count) {
	const t0 = Date.now();
	let list = [];
	while (Date.now() - t0 < 60000) {
		list = await executions(rest, workflowId);
		if (list.length >= count && list.every((e) => !['new', 'running'].includes(e.status))) return list;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`expected ${count} finished executions of ${workflowId}, have ${JSON.stringify(list.map((e) => e.status))}`);
}

async function runTriggers(ctx, userFolder, triggers) {
	const sb = await ctx.restartSandbox();
	for (const wf of triggers) await publish(ctx.rt, userFolder, wf.id);
	const logFile = path.join(ctx.artifacts, 'examples-n8n.log');
	const n8n = await startN8n(ctx.rt, userFolder, { port: await freePort(), logFile, extraEnv: filesEnv(userFolder) });
	const counts = [];
	try {
		const rest = new Rest(n8n.url);
		await rest.ownerSession();
		for (const wf of triggers) await waitRegistered(`${n8n.url}/webhook/${wf.nodes.find((n) => n.webhookId).webhookId}/webhook`);
		const sandboxPort = new URL(sb.url).port;
		for (const command of readmeSandboxCommands()) {
			const args = command.map((a) => a.replace('http://127.0.0.1:5678', n8n.url));
			// Asynchronously: the sandbox the CLI pushes through runs in this process.
			await new Promise((resolve, reject) => {
				const cli = [path.join(REPO_ROOT, 'scripts', 'sandbox.js'), ...args];
				execFile(process.execPath, cli, { env: { ...process.env, SANDBOX_PORT: sandboxPort }, timeout: 60000 }, (error, stdout, stderr) =>
					error ? reject(new Error(`npm run sandbox -- ${command.join(' ')} failed (${error.code}):\n${stdout}${stderr}`)) : resolve(),
				);
			});
		}
		const flatted = require(require.resolve('flatted', { paths: [path.join(ctx.rt.dir, 'node_modules', 'n8n')] }));
		for (const wf of triggers) {
			const pushes = readmeSandboxCommands().filter((c) => c[0] === 'push' && c[c.indexOf('--url') + 1].includes(wf.nodes.find((n) => n.webhookId).webhookId));
			const list = await finished(rest, wf.id, pushes.length);
			for (const e of list) {
				const ex = (await rest.call('GET', `/rest/executions/${e.id}`)).data;
				const data = typeof ex.data === 'string' ? flatted.parse(ex.data) : ex.data;
				if (ex.status !== 'success') throw new Error(`"${wf.name}" execution ${e.id} ended ${ex.status}: ${JSON.stringify(data.resultData.error)}`);
				for (const node of lastNodes(wf)) {
					const run = data.resultData.runData[node];
					counts.push([`${node} (execution ${e.id})`, run ? run[0].data.main[0].length : 0]);
				}
			}
		}
	} finally {
		await n8n.stop();
	}
	return counts;
}

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
