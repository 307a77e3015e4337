// @ts-check
'use strict';
/**
 * Trigger pushes on the cluster: the sandbox pushes as WeChat (POST /sandbox/push) to the trigger's production URL on
 * main; main answers WeChat and enqueues; a worker runs the workflow, which replies through Message → Send.
 */
const crypto = require('crypto');
const { setTimeout: sleep } = require('timers/promises');

const { TRIGGER_TYPE, PUSH_CREDENTIAL_TYPE } = require('../lib/names');
const { placement } = require('./cluster');
const { node, setNode, wechat, chain } = require('./workloads');

/**
 * @typedef {import('./index').ScaleContext} ScaleContext
 * @typedef {import('../lib/rest').CredentialRef} CredentialRef
 * @typedef {import('../lib/sandbox').KfSandbox} KfSandbox
 * @typedef {{ mode: 'compatible' | 'safe', from: string, content: string, msgId?: string }} Push
 * @typedef {{ status: number | string, kind?: string, error?: string, problems?: string[] }} PushAnswer
 */
const SEND_PATH = '/cgi-bin/message/custom/send';

/**
 * Trigger → "Ran on" → "Reply" (Message → Send to the customer who wrote).
 * @param {CredentialRef} credential @param {CredentialRef} pushCredential
 */
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

/**
 * Asks the sandbox to push one text as WeChat; returns its reading of the trigger's answer.
 * @param {KfSandbox} sb @param {string} url @param {Push} p @returns {Promise<PushAnswer>}
 */
async function push(sb, url, { mode, from, content, msgId }) {
	const res = await fetch(`${sb.url}/sandbox/push`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ url, type: 'text', mode, from, content, ...(msgId ? { msgId } : {}) }),
	});
	return await res.json();
}

/**
 * Waits until PostgreSQL lists `count` finished executions of a workflow; returns their rows.
 * @param {ScaleContext} ctx @param {string} workflowId @param {number} count
 */
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
		await sleep(500);
	}
}

/**
 * WeChat's delivery: a push not answered within 5 s is sent again, same MsgId, up to 3 more times.
 * @param {KfSandbox} sb @param {string} url @param {Push} p
 */
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

const TOTAL = 50;
const LANES = 2;
let msgSeq = 0;
const newMsgId = () => `72${String(Date.now()).slice(-9)}${String(msgSeq++).padStart(8, '0')}`;

/** Fifty pushes as WeChat would deliver them, two at a time: each delivered until answered "success". @param {KfSandbox} sb @param {string} url */
async function deliverAll(sb, url) {
	const pushes = Array.from({ length: TOTAL }, (_, i) => ({
		mode: /** @type {'safe' | 'compatible'} */ (i % 2 ? 'safe' : 'compatible'),
		from: `oScaleCustomer${String(i).padStart(3, '0')}`,
		content: `question ${i}`,
		msgId: newMsgId(),
	}));
	// The customers wrote, so their 48-hour windows are open whatever the trigger answered.
	for (const p of pushes) sb.state.conversations.customerWrites(p.from, sb.clock.now());
	/** @type {Awaited<ReturnType<typeof deliver>>[]} */
	const deliveries = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: LANES }, async () => {
			while (next < pushes.length) {
				const i = next++;
				deliveries[i] = await deliver(sb, url, pushes[i]);
			}
		}),
	);
	return { pushes, deliveries };
}

/**
 * What went wrong after the pushes: executions not successful or not on exactly one worker, missing or wrong
 * replies, WeChat calls by main. Returns the problems and the executions per worker.
 * @param {ScaleContext} ctx @param {{ id: string }} wf @param {Push[]} pushes @param {number} sendsBefore @param {number} mainBefore
 */
async function pushProblems(ctx, wf, pushes, sendsBefore, mainBefore) {
	const { sb, meter } = ctx;
	const rows = await finishedExecutions(ctx, wf.id, TOTAL);
	const { per, bad } = placement(ctx.cluster.workers, rows);
	if (rows.length !== TOTAL) bad.push(`${rows.length} executions finished, expected ${TOTAL}`);
	const sends = /** @type {{ json: any }[]} */ (sb.requestsTo(SEND_PATH).slice(sendsBefore));
	const sentTo = new Set(sends.map((r) => r.json && r.json.touser));
	const missing = pushes.filter((p) => !sentTo.has(p.from));
	if (missing.length || sends.length !== TOTAL) bad.push(`${sends.length} sends for ${TOTAL} pushes; no reply to ${missing.map((p) => p.from).slice(0, 5).join(', ')}`);
	const fromMain = ((meter.counts().main || {}).requests || 0) - mainBefore;
	if (fromMain) bad.push(`main made ${fromMain} WeChat calls itself`);
	const wrongText = sends.filter((r) => !/^Re: question \d+ \(worker-\d\)$/.test((r.json && r.json.text && r.json.text.content) || ''));
	if (wrongText.length) bad.push(`unexpected reply text: ${JSON.stringify(wrongText[0].json)}`);
	return { bad, per, sends };
}

/** @param {ScaleContext} ctx @param {{ id: string, url: string }} wf */
async function manyPushes(ctx, wf) {
	const { check, sb, meter } = ctx;
	await check(`trigger: ${TOTAL} pushes (compatible and safe) received by main, run on the workers, each replied through Message → Send`, async () => {
		const sendsBefore = sb.requestsTo(SEND_PATH).length;
		const mainBefore = (meter.counts().main || {}).requests || 0;
		const { pushes, deliveries } = await deliverAll(sb, wf.url);
		const last = (/** @type {PushAnswer[]} */ d) => d[d.length - 1];
		const refused = deliveries.filter((d) => last(d).status !== 200 || last(d).kind !== 'success');
		if (refused.length) throw new Error(`${refused.length} pushes never answered "success" in 4 deliveries: ${JSON.stringify(refused[0]).slice(0, 300)}`);
		const retried = deliveries.filter((d) => d.length > 1).length;
		const slowest = Math.max(...deliveries.map((d) => Math.max(...d.map((a) => a.ms))));
		const { bad, per, sends } = await pushProblems(ctx, wf, pushes, sendsBefore, mainBefore);
		if (bad.length) throw new Error(bad.slice(0, 8).join('\n'));
		return `${TOTAL} answered "success" by main (${TOTAL / 2} compatible, ${TOTAL / 2} safe mode, ${LANES} at a time; slowest answer ${slowest} ms; ${retried} needed a WeChat retry after 5 s without answer); executions on ${Object.entries(per).map(([k, v]) => `${k} ${v}`).join(', ')}; ${sends.length} Message → Send calls from the workers`;
	});
}

/** @param {ScaleContext} ctx @param {{ id: string, url: string }} wf */
async function repeatedPush(ctx, wf) {
	const { check, sb } = ctx;
	await check('trigger: a push repeated as WeChat retries it (3 more times, same MsgId) starts one execution', async () => {
		const start = (await finishedExecutions(ctx, wf.id, 0)).length;
		const msgId = newMsgId();
		/** @type {Push} */
		const p = { mode: 'safe', from: 'oScaleRetryCustomer', content: 'are you there?', msgId };
		sb.state.conversations.customerWrites(p.from, sb.clock.now());
		const answers = [];
		for (let i = 0; i < 4; i++) answers.push(await push(sb, wf.url, p));
		const said = answers.map((a) => (a.status === 200 ? a.kind : a.error || a.status)).join(', ');
		// Under load an early delivery may get no answer in time (WeChat would retry it); the last one must succeed.
		if (answers[answers.length - 1].kind !== 'success') throw new Error(`answers: ${said}`);
		await sleep(5000);
		const rows = await finishedExecutions(ctx, wf.id, start + 2, 3000);
		const sends = sb.requestsTo(SEND_PATH).filter((r) => r.json && /** @type {any} */ (r.json).touser === p.from);
		if (rows.length - start !== 1 || sends.length !== 1) throw new Error(`${rows.length - start} executions and ${sends.length} replies for one message pushed 4 times (answers: ${said})`);
		return `4 deliveries of MsgId ${msgId}: answered ${said}; 1 execution, 1 reply (the dedup memory lives in the main process)`;
	});
}

/** The push checks on the published reply workflow. @param {ScaleContext} ctx @param {{ id: string, url: string }} wf */
async function pushChecks(ctx, wf) {
	await manyPushes(ctx, wf);
	await repeatedPush(ctx, wf);
}

module.exports = { pushWorkflow, pushChecks };
