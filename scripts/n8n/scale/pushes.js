'use strict';
/**
 * Trigger pushes on the cluster: the sandbox pushes as WeChat (POST /sandbox/push) to the trigger's production URL on
 * main; main answers WeChat and enqueues; a worker runs the workflow, which replies through Message → Send.
 */
const crypto = require('crypto');

const { NODE_TYPE, CREDENTIAL_TYPE } = require('../instance');
const { executionsInLog } = require('./cluster');

const TRIGGER_TYPE = `${NODE_TYPE}Trigger`;
const PUSH_CREDENTIAL_TYPE = 'weChatOfficialAccountPushApi';
const SEND_PATH = '/cgi-bin/message/custom/send';

/** Trigger → "Ran on" → "Reply" (Message → Send to the customer who wrote). */
function pushWorkflow(credential, pushCredential) {
	const webhookId = crypto.randomUUID();
	const trigger = {
		id: crypto.randomUUID(),
		name: 'Customer writes',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { events: ['text'], reply: 'acknowledge', options: {} },
		credentials: { [PUSH_CREDENTIAL_TYPE]: { id: pushCredential.id, name: pushCredential.name } },
	};
	const ranOn = {
		id: crypto.randomUUID(),
		name: 'Ran on',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [220, 0],
		parameters: {
			assignments: {
				assignments: [
					{ id: crypto.randomUUID(), name: 'process', value: '={{ $env.WECHAT_CS_SCALE_PROCESS }}', type: 'string' },
					{ id: crypto.randomUUID(), name: 'openid', value: '={{ $json.openid }}', type: 'string' },
					{ id: crypto.randomUUID(), name: 'content', value: '={{ $json.Content }}', type: 'string' },
				],
			},
			options: {},
		},
	};
	const reply = {
		id: crypto.randomUUID(),
		name: 'Reply',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [440, 0],
		parameters: {
			resource: 'message',
			operation: 'send',
			openid: '={{ $json.openid }}',
			messageType: 'text',
			text: "={{ 'Re: ' + $json.content + ' (' + $json.process + ')' }}",
			options: {},
		},
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
	};
	const nodes = [trigger, ranOn, reply];
	return {
		name: 'Scale: reply to every customer message',
		nodes,
		connections: {
			[trigger.name]: { main: [[{ node: ranOn.name, type: 'main', index: 0 }]] },
			[ranOn.name]: { main: [[{ node: reply.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
		path: `${webhookId}/webhook`,
	};
}

/** Asks the sandbox to push one text as WeChat; returns its reading of the trigger's answer. */
async function push(sb, url, { mode, from, content, msgId }) {
	const res = await fetch(`${sb.url}/sandbox/push`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ url, type: 'text', mode, from, content, ...(msgId ? { msgId } : {}) }),
	});
	return await res.json();
}

/** Waits until PostgreSQL lists `count` finished executions of a workflow; returns their rows. */
async function finishedExecutions(ctx, workflowId, count, timeoutMs = 90000) {
	const t0 = Date.now();
	for (;;) {
		const rows = ctx.postgres
			.psql(`select id, status from execution_entity where "workflowId" = '${workflowId}' and status not in ('new', 'running', 'waiting') order by id`, 'n8n')
			.stdout.trim()
			.split('\n')
			.filter(Boolean)
			.map((r) => r.split('|'));
		if (rows.length >= count || Date.now() - t0 > timeoutMs) return rows;
		await new Promise((r) => setTimeout(r, 500));
	}
}

async function pushChecks(ctx, wf) {
	const { check, sb, meter } = ctx;
	const TOTAL = 50;
	await check(`trigger: ${TOTAL} pushes (plain and safe) received by main, run on the workers, each replied through Message → Send`, async () => {
		const sendsBefore = sb.requestsTo(SEND_PATH).length;
		const before = meter.counts();
		const pushes = Array.from({ length: TOTAL }, (_, i) => ({
			mode: i % 2 ? 'safe' : 'plain',
			from: `oScaleCustomer${String(i).padStart(3, '0')}`,
			content: `question ${i}`,
		}));
		// 10 at a time, each within WeChat's 5 s (the sandbox gives up after that, as WeChat does).
		const answers = [];
		let slowest = 0;
		let next = 0;
		await Promise.all(
			Array.from({ length: 10 }, async () => {
				while (next < pushes.length) {
					const i = next++;
					const t = Date.now();
					answers[i] = await push(sb, wf.url, pushes[i]);
					slowest = Math.max(slowest, Date.now() - t);
				}
			}),
		);
		const refused = answers.filter((a) => a.status !== 200 || a.kind !== 'success' || (a.problems && a.problems.length));
		if (refused.length) throw new Error(`${refused.length} pushes not answered "success": ${JSON.stringify(refused[0]).slice(0, 300)}`);
		const rows = await finishedExecutions(ctx, wf.id, TOTAL);
		const logs = ctx.cluster.workers.map((w) => [w.name, executionsInLog(w.logFile)]);
		const per = {};
		const bad = [];
		for (const [id, status] of rows) {
			const on = logs.filter(([, s]) => s.has(id)).map(([n]) => n);
			if (status !== 'success' || on.length !== 1) bad.push(`${id} ${status} on ${on.join('+') || 'no worker'}`);
			else per[on[0]] = (per[on[0]] || 0) + 1;
		}
		if (rows.length !== TOTAL) bad.push(`${rows.length} executions finished, expected ${TOTAL}`);
		const sends = sb.requestsTo(SEND_PATH).slice(sendsBefore);
		const sentTo = new Set(sends.map((r) => r.json && r.json.touser));
		const missing = pushes.filter((p) => !sentTo.has(p.from));
		if (missing.length || sends.length !== TOTAL) bad.push(`${sends.length} sends for ${TOTAL} pushes; no reply to ${missing.map((p) => p.from).slice(0, 5).join(', ')}`);
		const fromMain = (meter.counts().main || {}).requests - ((before.main || {}).requests || 0);
		if (fromMain) bad.push(`main made ${fromMain} WeChat calls itself`);
		const wrongText = sends.filter((r) => !/^Re: question \d+ \(worker-\d\)$/.test((r.json && r.json.text && r.json.text.content) || ''));
		if (wrongText.length) bad.push(`unexpected reply text: ${JSON.stringify(wrongText[0].json)}`);
		if (bad.length) throw new Error(bad.slice(0, 8).join('\n'));
		return `${TOTAL} answered "success" by main (${TOTAL / 2} plain, ${TOTAL / 2} safe mode, 10 at a time, slowest answer ${slowest} ms); executions on ${Object.entries(per).map(([k, v]) => `${k} ${v}`).join(', ')}; ${sends.length} Message → Send calls from the workers`;
	});

	await check('trigger: a push repeated as WeChat retries it (3 more times, same MsgId) starts one execution', async () => {
		const start = (await finishedExecutions(ctx, wf.id, 0)).length;
		const msgId = `7${Date.now()}${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
		const p = { mode: 'safe', from: 'oScaleRetryCustomer', content: 'are you there?', msgId };
		const answers = [];
		for (let i = 0; i < 4; i++) answers.push(await push(sb, wf.url, p));
		if (answers.some((a) => a.status !== 200 || a.kind !== 'success')) throw new Error(`answers: ${answers.map((a) => `${a.status} ${a.kind}`).join(', ')}`);
		await new Promise((r) => setTimeout(r, 5000));
		const rows = await finishedExecutions(ctx, wf.id, start + 2, 3000);
		const sends = sb.requestsTo(SEND_PATH).filter((r) => r.json && r.json.touser === p.from);
		if (rows.length - start !== 1 || sends.length !== 1) throw new Error(`${rows.length - start} executions and ${sends.length} replies for one message pushed 4 times`);
		return '4 deliveries of MsgId ' + msgId + ': 4 × "success", 1 execution, 1 reply (the dedup memory lives in the main process)';
	});
}

module.exports = { PUSH_CREDENTIAL_TYPE, pushWorkflow, pushChecks };
