// @ts-check
'use strict';
/**
 * The steps of the trigger check (checks/trigger.js), run in order on one trigger instance: a published workflow
 * answers the URL verification, turns compatible and safe-mode pushes from the sandbox into one execution each (and
 * the workflow's Message → Send reaches the sandbox), transfers on a keyword with an encrypted, signed reply,
 * answers a repeat with the same bytes and no second execution, and refuses forgeries (401/400/413) with no
 * execution recorded. Each step returns its detail line or throws.
 */
const fs = require('fs');
const { setTimeout: sleep } = require('timers/promises');

const { firstItem } = require('../../lib/runData');
const { fetchWithin } = require('./instance');

/**
 * @typedef {import('./instance').TriggerInstance} TriggerInstance
 * @typedef {{ expected: number, transferReply?: string, transferPush?: { query: string, body: string } }} TriggerState
 *   what the steps carry forward: executions so far, the transfer push and its reply
 * @typedef {{ name: string, run(t: TriggerInstance, state: TriggerState): Promise<string> }} TriggerStep
 */

/** @param {unknown} cond @param {string} message */
function assert(cond, message) {
	if (!cond) throw new Error(message);
}

/** The trigger's output item of an execution. @param {TriggerInstance} t @param {string} executionId */
async function triggerItem(t, executionId) {
	const ex = await t.rest.execution(t.rt, executionId);
	return { item: firstItem(ex.runData, 'WeChat push')?.json, status: ex.status };
}

/** @param {TriggerInstance} t @param {{ query: string, body: string }} signed */
function postSigned(t, signed, contentType = 'text/xml') {
	return fetchWithin(`${t.url}?${signed.query}`, { method: 'POST', headers: { 'content-type': contentType }, body: signed.body });
}

/** @type {TriggerStep} */
const verification = {
	name: "trigger: GET URL verification echoes echostr as text/plain; a wrong signature gets 401",
	async run(t) {
		const { push, P } = t.push;
		const ok = await fetchWithin(`${t.url}?${push.verificationQuery(P.token, '4375120948345356249')}`);
		const body = await ok.text();
		assert(ok.status === 200 && body === '4375120948345356249', `verification: ${ok.status} ${body}`);
		assert(/^text\/plain/.test(ok.headers.get('content-type') || ''), `content-type ${ok.headers.get('content-type')}`);
		const bad = await fetchWithin(`${t.url}?${push.verificationQuery('WrongToken123', '4375120948345356249')}`);
		const badBody = await bad.text();
		assert(bad.status === 401 && !badBody.includes('4375120948345356249'), `forged verification: ${bad.status} ${badBody}`);
		return 'GET 200 echostr, forged GET 401';
	},
};

/** The credential has an EncodingAESKey, so it takes encrypted pushes only (a plain one is among the forgeries). @type {TriggerStep} */
const compatiblePush = {
	name: "trigger: compatible-mode push → one execution with WeChat's fields; Message → Send reaches the sandbox",
	async run(t, state) {
		const r = await t.push.route.pushFromSandbox(t.sandbox, { url: t.url, type: 'text', content: '你好 plain', from: 'oE2ePlainCustomer01', mode: 'compatible' });
		assert(r.status === 200 && r.body === 'success', `reply ${r.status} ${r.body}`);
		state.expected += 1;
		const [ex] = await t.rest.finishedExecutions(t.wf.id, state.expected);
		const { item, status } = await triggerItem(t, ex.id);
		assert(status === 'success', `execution status ${status}`);
		assert(item.Content === '你好 plain' && item.MsgType === 'text' && item.encrypted === true, JSON.stringify(item));
		assert(typeof item.MsgId === 'string' && /^\d{19}$/.test(item.MsgId), `MsgId ${JSON.stringify(item.MsgId)}`);
		assert(typeof item.CreateTime === 'number' && item.FromUserName === 'oE2ePlainCustomer01', JSON.stringify(item));
		const sent = t.sandbox.state.conversations.sent.filter((m) => m.touser === 'oE2ePlainCustomer01');
		assert(sent.length === 1 && /** @type {any} */ (sent[0].body).text.content === 'e2e reply to: 你好 plain', JSON.stringify(sent));
		return `execution ${ex.id}: MsgId ${item.MsgId}; the workflow's reply reached the sandbox`;
	},
};

/** @type {TriggerStep} */
const safeTransfer = {
	name: 'trigger: safe-mode push with a keyword → encrypted, signed transfer reply and the decrypted item',
	async run(t, state) {
		const { push, P, target } = t.push;
		const xml = push.pushXml({ type: 'text', content: '我要人工客服', from: 'oE2eSafeCustomer001', to: P.originalId }, Math.floor(Date.now() / 1000));
		state.transferPush = push.signPush(target('safe'), xml, { openid: 'oE2eSafeCustomer001' });
		t.sandbox.state.conversations.customerWrites('oE2eSafeCustomer001', t.sandbox.clock.now());
		const res = await postSigned(t, state.transferPush);
		state.transferReply = await res.text();
		const reading = push.checkReply(target('safe'), res.status, res.headers.get('content-type') || '', state.transferReply);
		assert(reading.problems.length === 0, reading.problems.join('; '));
		assert(reading.encrypted && reading.kind === 'transfer_customer_service', `${reading.kind} ${state.transferReply}`);
		assert(reading.fields.KfAccount === 'alice@sandbox_oa' && reading.fields.ToUserName === 'oE2eSafeCustomer001', JSON.stringify(reading.fields));
		state.expected += 1;
		const list = await t.rest.finishedExecutions(t.wf.id, state.expected);
		const { item } = await triggerItem(t, list[0].id);
		assert(item.encrypted === true && item.Content === '我要人工客服' && item.reply === 'transfer_customer_service', JSON.stringify(item));
		assert(item.rawXml === xml, 'rawXml is not the decrypted message');
		return 'encrypted reply verified and decrypted by the sandbox; item decrypted';
	},
};

/** @type {TriggerStep} */
const retry = {
	name: "trigger: WeChat's retry of the same push gets the same reply and starts no execution",
	async run(t, state) {
		if (!state.transferPush) throw new Error('no transfer push to repeat (the previous step failed)');
		const res = await postSigned(t, state.transferPush);
		const body = await res.text();
		assert(res.status === 200 && body === state.transferReply, `repeat answered ${res.status} with other bytes`);
		await sleep(1500);
		const list = await t.rest.executions(t.wf.id);
		assert(list.length === state.expected, `executions: ${list.length}, expected ${state.expected}`);
		return 'same bytes, no new execution';
	},
};

/**
 * Forged pushes: name, status wanted, and the signed request.
 * @param {TriggerInstance} t @returns {[string, number, { query: string, body: string }][]}
 */
function forgedPushes(t) {
	const { push, P, target } = t.push;
	const now = () => Math.floor(Date.now() / 1000);
	const xml = () => push.pushXml({ type: 'text', content: 'forged', from: 'oE2eForger', to: P.originalId }, now());
	const tampered = push.signPush(target('safe'), xml());
	tampered.query = tampered.query.replace(/msg_signature=([0-9a-f])/, (m, c) => `msg_signature=${c === '0' ? '1' : '0'}`);
	return [
		['bad signature', 401, push.signPush(target('safe', { token: 'ForgedToken999' }), xml())],
		['plain body to a credential with an EncodingAESKey', 401, push.signPush(target('plain'), xml())],
		['stale timestamp', 401, push.signPush(target('safe'), xml(), { timestamp: now() - 3600 })],
		['future timestamp', 401, push.signPush(target('safe'), xml(), { timestamp: now() + 3600 })],
		['wrong AppID', 401, push.signPush(target('safe', { appId: 'wx0000000000000bad' }), xml())],
		['tampered msg_signature', 401, tampered],
		['DOCTYPE inside the ciphertext', 400, push.signPush(target('safe'), '<!DOCTYPE xml><xml><ToUserName><![CDATA[gh]]></ToUserName></xml>')],
		['malformed decrypted XML', 400, push.signPush(target('safe'), '<xml><ToUserName>x</xml>')],
		['body over 1 MiB', 413, push.signPush(target('plain'), xml().replace('forged', 'x'.repeat(1024 * 1024 + 10)))],
	];
}

/** @type {TriggerStep} */
const forgeries = {
	name: 'trigger: forgeries are refused (401/400/413) with no execution recorded and no secret in any answer',
	async run(t, state) {
		const { P } = t.push;
		/** @type {[string, number, { status: number, body: string }][]} */
		const cases = [];
		for (const [name, want, signed] of forgedPushes(t)) {
			const res = await postSigned(t, signed);
			cases.push([name, want, { status: res.status, body: await res.text() }]);
		}
		const failures = cases.filter(([, want, got]) => got.status !== want).map(([n, want, got]) => `${n}: ${got.status} (want ${want}) ${got.body.slice(0, 200)}`);
		const secrets = [P.token, P.encodingAESKey, Buffer.from(`${P.encodingAESKey}=`, 'base64').toString('hex')];
		const leaks = cases.filter(([, , got]) => secrets.some((s) => got.body.includes(s))).map(([n]) => n);
		assert(!failures.length, failures.join('\n'));
		assert(!leaks.length, `secret in the answer to: ${leaks.join(', ')}`);
		await sleep(1500);
		const list = await t.rest.executions(t.wf.id);
		assert(list.length === state.expected, `executions after forgeries: ${list.length} (${list.map((e) => e.status).join(',')}), expected ${state.expected}`);
		const log = fs.readFileSync(/** @type {string} */ (t.n8n.logFile), 'utf8');
		assert(!secrets.some((s) => log.includes(s)), 'a secret appears in the n8n log');
		return cases.map(([n, , got]) => `${n} → ${got.status}`).join('; ') + `; executions still ${state.expected}`;
	},
};

module.exports = { assert, STEPS: [verification, compatiblePush, safeTransfer, retry, forgeries] };
