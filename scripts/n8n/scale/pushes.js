'use strict';
/**
 * Trigger pushes on the cluster: the sandbox pushes as WeChat (POST /sandbox/push) to the trigger's production URL on
 * main; main answers WeChat and enqueues; a worker runs the workflow, which replies through Message → Send.
 */
const crypto = require('crypto');

const { NODE_TYPE } = require('../instance');
const { executionsInLog } = require('./cluster');
const { node, setNode, wechat, chain } = require('./workloads');

const TRIGGER_TYPE = `${NODE_TYPE}Trigger`;
const PUSH_CREDENTIAL_TYPE = 'weChatOfficialAccountPushApi';
const SEND_PATH = '/cgi-bin/message/custom/send';

/** Trigger → "Ran on" → "Reply" (Message → Send to the customer who wrote). */
function pushWorkflow(credential, pushCredential) {
	const webhookId = crypto.randomUUID();
	const trigger = node('Customer writes', TRIGGER_TYPE, 1, [0, 0], { events: ['text'], reply: 'acknowledge', options: {} }, {
		webhookId,
		credentials: { [PUSH_CREDENTIAL_TYPE]: { id: pushCredential.id, name: pushCredential.name } },
	});
	const ranOn = setNode('Ran on', [220, 0], {
		process: '={{ $env.WECHAT_CS_SCALE_PROCESS }}',
		openid: '={{ $json.openid }}',
		content: '={{ $json.Content }}',
	});
	const reply = wechat('Reply', [440, 0], credential, {
		resource: 'message',
		operation: 'send',
		openid: '={{ $json.openid }}',
		messageType: 'text',
		text: "={{ 'Re: ' + $json.content + ' (' + $json.process + ')' }}",
	});
	const nodes = [trigger, ranOn, reply];
	return {
		name: 'Scale: reply to every customer message',
		nodes,
		connections: chain(nodes),
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

/** WeChat's delivery: a push not answered within 5 s is sent again, same MsgId, up to 3 more times. */
async function deliver(sb, url, p) {
	const attempts = [];
	for (let i = 0; i < 4; i++) {
		const t = Date.now();
		const a = await push(sb, url, p);
		attempts.push({ ms: Date.now() - t, status: a.status, kind: a.kind, error: a.error, problems: a.problems });
		if (a.status === 200 && a.kind === 'success' && !(a.problems && a.problems.length)) break;
	}
	return attempts;
}

let msgSeq = 0;
const newMsgId = () => `72${String(Date.now()).slice(-9)}${String(msgSeq++).padStart(8, '0')}`;

async function pushChecks(ctx, wf) {
	const { check, sb, meter } = ctx;
	const TOTAL = 50;
	const LANES = 2;
	await check(`trigger: ${TOTAL} pushes (compatible and safe) received by main, run on the workers, each replied through Message → Send`, async () => {
		const sendsBefore = sb.requestsTo(SEND_PATH).length;
		const before = meter.counts();
		const pushes = Array.from({ length: TOTAL }, (_, i) => ({
			mode: i % 2 ? 'safe' : 'compatible',
			from: `oScaleCustomer${String(i).padStart(3, '0')}`,
			content: `question ${i}`,
			msgId: newMsgId(),
		}));
		// The customers wrote, so their 48-hour windows are open whatever the trigger answered.
		for (const p of pushes) sb.state.conversations.customerWrites(p.from, sb.clock.now());
		const deliveries = [];
		let next = 0;
		await Promise.all(
			Array.from({ length: LANES }, async () => {
				while (next < pushes.length) {
					const i = next++;
					deliveries[i] = await deliver(sb, wf.url, pushes[i]);
				}
			}),
		);
		const last = (d) => d[d.length - 1];
		const refused = deliveries.filter((d) => last(d).status !== 200 || last(d).kind !== 'success');
		if (refused.length) throw new Error(`${refused.length} pushes never answered "success" in 4 deliveries: ${JSON.stringify(refused[0]).slice(0, 300)}`);
		const retried = deliveries.filter((d) => d.length > 1).length;
		const slowest = Math.max(...deliveries.map((d) => Math.max(...d.map((a) => a.ms))));
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
		const fromMain = ((meter.counts().main || {}).requests || 0) - ((before.main || {}).requests || 0);
		if (fromMain) bad.push(`main made ${fromMain} WeChat calls itself`);
		const wrongText = sends.filter((r) => !/^Re: question \d+ \(worker-\d\)$/.test((r.json && r.json.text && r.json.text.content) || ''));
		if (wrongText.length) bad.push(`unexpected reply text: ${JSON.stringify(wrongText[0].json)}`);
		if (bad.length) throw new Error(bad.slice(0, 8).join('\n'));
		return `${TOTAL} answered "success" by main (${TOTAL / 2} compatible, ${TOTAL / 2} safe mode, ${LANES} at a time; slowest answer ${slowest} ms; ${retried} needed a WeChat retry after 5 s without answer); executions on ${Object.entries(per).map(([k, v]) => `${k} ${v}`).join(', ')}; ${sends.length} Message → Send calls from the workers`;
	});

	await check('trigger: a push repeated as WeChat retries it (3 more times, same MsgId) starts one execution', async () => {
		const start = (await finishedExecutions(ctx, wf.id, 0)).length;
		const msgId = newMsgId();
		const p = { mode: 'safe', from: 'oScaleRetryCustomer', content: 'are you there?', msgId };
		sb.state.conversations.customerWrites(p.from, sb.clock.now());
		const answers = [];
		for (let i = 0; i < 4; i++) answers.push(await push(sb, wf.url, p));
		const said = answers.map((a) => (a.status === 200 ? a.kind : a.error || a.status)).join(', ');
		// Under load an early delivery may get no answer in time (WeChat would retry it); the last one must succeed.
		if (answers[answers.length - 1].kind !== 'success') throw new Error(`answers: ${said}`);
		await new Promise((r) => setTimeout(r, 5000));
		const rows = await finishedExecutions(ctx, wf.id, start + 2, 3000);
		const sends = sb.requestsTo(SEND_PATH).filter((r) => r.json && r.json.touser === p.from);
		if (rows.length - start !== 1 || sends.length !== 1) throw new Error(`${rows.length - start} executions and ${sends.length} replies for one message pushed 4 times (answers: ${said})`);
		return `4 deliveries of MsgId ${msgId}: answered ${said}; 1 execution, 1 reply (the dedup memory lives in the main process)`;
	});
}

module.exports = { PUSH_CREDENTIAL_TYPE, pushWorkflow, pushChecks };
