// @ts-check
'use strict';
/**
 * Callbacks the WeCom trigger must refuse, through n8n's real HTTP server: another Token, another key, another
 * CorpID, a stale timestamp (a replay), no Encrypt, not XML, over 1 MiB → 401/400/413; and a callback already
 * answered sent again → "success" with no second pull. None pulls (the sandbox sees no sync_msg) and none starts
 * an execution; no answer and no log line holds a secret.
 */
const fs = require('fs');
const { URLSearchParams } = require('url');
const { setTimeout: sleep } = require('timers/promises');

const { fetchWithin } = require('../trigger/instance');
const { ACCOUNTS } = require('./workflows');
const { assert, callback, customerWrites, newExecutions, syncCalls } = require('./observe');

/** @typedef {import('./observe').WeComStep} WeComStep @typedef {import('./instance').WeComTriggerInstance} WeComTriggerInstance */

const OTHER_KEY = 'OtherWeComAESKey0123456789abcdefghijklmnopq';
const ONCE = { retries: 0, retryIntervalMs: 0 };

/**
 * A hand-made callback, signed with the demo Token over `encrypt`. A body that is not XML goes as
 * application/octet-stream: as text/xml n8n's own parser refuses it (422) before the trigger sees it.
 * @param {WeComTriggerInstance} t @param {string} encrypt @param {string} [body]
 */
function postSigned(t, encrypt, body) {
	const { crypto, demo } = t.tools;
	const timestamp = String(Math.floor(Date.now() / 1000));
	const nonce = '7654321';
	const query = new URLSearchParams({ msg_signature: crypto.msgSignature(demo.callbackToken, timestamp, nonce, encrypt), timestamp, nonce });
	const xml = body ?? `<xml><ToUserName><![CDATA[${demo.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>`;
	const contentType = xml.startsWith('<') ? 'text/xml' : 'application/octet-stream';
	return fetchWithin(`${t.url('main')}?${query}`, { method: 'POST', headers: { 'content-type': contentType }, body: xml }).then(async (r) => ({ status: r.status, body: await r.text() }));
}

/** name, wanted status, and how to send it. @param {WeComTriggerInstance} t @returns {[string, number, () => Promise<{ status?: number, body?: string }>][]} */
function forgedCallbacks(t) {
	const { crypto, demo } = t.tools;
	const other = 'wwOtherCorp000000';
	const sandboxCallback = (/** @type {import('../../../../sandbox/wecom/callback').DeliveryOptions} */ options) => callback(t, 'main', ACCOUNTS.afterSales, { ...ONCE, ...options }).then((d) => d.attempts[0]);
	const forCorp = crypto.weComEncrypt(demo.encodingAESKey, other, t.tools.callback.callbackXml(other, Math.floor(Date.now() / 1000), 'ENCforged', ACCOUNTS.afterSales));
	return [
		['signed with another Token', 401, () => sandboxCallback({ config: { token: 'ForgedToken2026' } })],
		['encrypted with another EncodingAESKey', 401, () => sandboxCallback({ config: { encodingAESKey: OTHER_KEY } })],
		['encrypted for another CorpID', 401, () => postSigned(t, forCorp)],
		['a replay 301 s old (past Max Age)', 401, () => sandboxCallback({ timestampOffset: -301 })],
		['no Encrypt', 400, () => postSigned(t, '', '<xml><ToUserName>x</ToUserName></xml>')],
		['not XML', 400, () => postSigned(t, '', 'not xml')],
		['body over 1 MiB', 413, () => postSigned(t, '', `<xml><Encrypt>${'A'.repeat(1024 * 1024)}</Encrypt></xml>`)],
	];
}

/** @type {WeComStep} */
const forgeries = {
	name: 'WeCom trigger: forged, replayed and wrongly encrypted callbacks → 401/400/413, no sync_msg, no execution, no secret; a callback sent again after its answer → "success", no second pull',
	async run(t, state) {
		customerWrites(t, ACCOUNTS.afterSales, 'wmE2eForgeryVictim00000000000000', 'waiting in sync_msg while forgers call');
		const before = syncCalls(t).length;
		/** @type {string[]} */
		const lines = [];
		/** @type {string[]} */
		const wrong = [];
		for (const [name, want, send] of forgedCallbacks(t)) {
			const got = await send();
			lines.push(`${name} → ${got.status}`);
			if (got.status !== want) wrong.push(`${name}: ${got.status} ${String(got.body).slice(0, 200)} (want ${want})`);
		}
		assert(!wrong.length, wrong.join('\n'));
		await sleep(1500);
		assert(syncCalls(t).length === before, `forgeries made ${syncCalls(t).length - before} sync_msg calls`);
		const none = await newExecutions(t, state, 'main', { quietMs: 1000 });
		assert(none.length === 0, `forgeries started ${none.length} executions`);

		const d = await callback(t, 'main', ACCOUNTS.afterSales);
		await newExecutions(t, state, 'main');
		const pulls = syncCalls(t).length;
		const again = await fetchWithin(`${t.url('main')}?${d.query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: d.body });
		const againBody = await again.text();
		assert(again.status === 200 && againBody === 'success', `sent again: ${again.status} ${againBody}`);
		const repeat = await newExecutions(t, state, 'main', { quietMs: 1500 });
		assert(repeat.length === 0 && syncCalls(t).length === pulls, `the repeat started ${repeat.length} executions, ${syncCalls(t).length - pulls} sync_msg calls`);

		const { demo } = t.tools;
		const secrets = [demo.callbackToken, demo.encodingAESKey, demo.secret];
		assert(!secrets.some((s) => fs.readFileSync(t.logFile, 'utf8').includes(s)), 'a secret appears in the n8n log');
		return `${lines.join('; ')}; no sync_msg, no execution; the repeat → 200 success, no second pull`;
	},
};

module.exports = { forgeries };
