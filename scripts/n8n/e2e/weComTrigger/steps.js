// @ts-check
'use strict';
/**
 * The WeCom trigger steps on callbacks that arrive as WeCom sends them: URL verification at the production URL,
 * 10 customers × 50 messages over two accounts with overlapping callbacks (some retried by the sandbox after a short
 * timeout) → 500 items, each msgid once, in order per customer; and an expired callback Token → sync_msg again
 * without it.
 */
const { setTimeout: sleep } = require('timers/promises');

const { fetchWithin } = require('../trigger/instance');
const { ACCOUNTS } = require('./workflows');
const { assert, callback, customerWrites, newItems, repeated, sameIds, syncCalls } = require('./observe');

/**
 * @typedef {import('./observe').WeComStep} WeComStep
 * @typedef {import('./observe').Item} Item
 * @typedef {import('../../../../sandbox/wecom/callback').Delivery} Delivery
 */

/** @type {WeComStep} */
const verification = {
	name: 'WeCom trigger: callback config at the production URL; URL verification answers the echostr (verified: true), a wrong Token 401',
	async run(t) {
		const res = await fetch(`${t.sandbox.url}/sandbox/wecom/callback-config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: t.url('main') }) });
		assert(res.status === 200, `callback-config: ${res.status} ${await res.text()}`);
		const ok = await t.tools.wecom.verifyCallbackUrl(t.corp);
		assert(ok.verified === true, `verification: ${JSON.stringify(ok)}`);
		const forged = await t.tools.wecom.verifyCallbackUrl(t.corp, { config: { token: 'ForgedToken2026' } });
		assert(forged.status === 401 && !forged.verified, `forged verification: ${JSON.stringify(forged)}`);
		return `verified: true (${ok.status}, ${ok.body}); wrong Token → ${forged.status}`;
	},
};

const CUSTOMERS = Array.from({ length: 10 }, (_, i) => ({
	userid: `wmE2eCustomer${String(i).padStart(2, '0')}`.padEnd(32, '0'),
	account: i % 2 ? ACCOUNTS.booking : ACCOUNTS.afterSales,
}));
const ROUNDS = 10;
const PER_ROUND = 5;

/** Every delivery answered: the 5-s ones at once with "success"; the short ones "success" whenever answered. @param {{ short: boolean, d: Delivery }[]} all */
function deliveryProblems(all) {
	const bad = [];
	for (const { short, d } of all) {
		const answered = d.attempts.filter((a) => a.outcome === 'answered');
		if (answered.some((a) => a.body !== 'success')) bad.push(`answered ${JSON.stringify(answered.map((a) => a.body))}`);
		if (!short && !d.acknowledged) bad.push(`not answered within 5 s: ${JSON.stringify(d.attempts)}`);
		if (d.attempts.some((a) => a.outcome === 'status' || a.outcome === 'error')) bad.push(JSON.stringify(d.attempts));
	}
	return bad;
}

/** The customers write 5 messages a round; after each round both accounts are called back without waiting. */
async function converse(/** @type {import('./instance').WeComTriggerInstance} */ t) {
	/** @type {Record<string, string[]>} */
	const written = Object.fromEntries(CUSTOMERS.map((c) => [c.userid, []]));
	/** @type {Promise<{ short: boolean, d: Delivery }>[]} */
	const pending = [];
	for (let round = 0; round < ROUNDS; round++) {
		for (const c of CUSTOMERS) {
			for (let n = 0; n < PER_ROUND; n++) written[c.userid].push(customerWrites(t, c.account, c.userid, `${c.userid.slice(2, 15)} #${round * PER_ROUND + n}`));
		}
		// Odd rounds: a 150-ms timeout, so a slow answer is sent again (WeCom's retry), 300 ms apart; and each is sent
		// once more after all (an answer WeCom did not get).
		const short = round % 2 === 1;
		const options = short ? { timeoutMs: 150, retryIntervalMs: 300 } : {};
		for (const account of [ACCOUNTS.afterSales, ACCOUNTS.booking]) pending.push(callback(t, 'main', account, options).then((d) => ({ short, d })));
		await sleep(150);
	}
	const deliveries = await Promise.all(pending);
	// WeCom's retry of a callback whose answer it did not get: the same request again, whatever the timing did.
	for (const { d } of deliveries.filter((x) => x.short)) {
		const res = await fetchWithin(`${t.url('main')}?${d.query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: d.body });
		d.attempts.push({ attempt: d.attempts.length + 1, at: t.corp.clock.now(), status: res.status, body: await res.text(), outcome: res.status === 200 ? 'answered' : 'status' });
	}
	// Whatever a short callback's fate, any later callback pulls everything since the cursor.
	for (const account of [ACCOUNTS.afterSales, ACCOUNTS.booking]) deliveries.push({ short: false, d: await callback(t, 'main', account) });
	return { written, deliveries };
}

/** @type {WeComStep} */
const fiveHundred = {
	name: 'WeCom trigger: 10 customers × 50 messages, 2 accounts, overlapping and retried callbacks → exactly 500 items, each msgid once, in order per customer',
	async run(t, state) {
		const syncBefore = syncCalls(t).length;
		const { written, deliveries } = await converse(t);
		const { items, executions } = await newItems(t, state, 'main');
		const bad = deliveryProblems(deliveries);
		assert(!bad.length, `${bad.length} callbacks: ${bad.slice(0, 3).join('\n')}`);
		const twice = repeated(items);
		assert(!twice.length, `${twice.length} msgids emitted more than once, e.g. ${twice[0]}`);
		const ours = new Set(Object.values(written).flat());
		const foreign = items.filter((i) => !ours.has(i.msgid));
		assert(sameIds(foreign, state.earlier), `${foreign.length} items not written by this step, expected the ${state.earlier.length} of the examples: ${JSON.stringify(foreign[0])}`);
		assert(items.length - foreign.length === 500, `${items.length - foreign.length} items, expected 500`);
		const disorder = CUSTOMERS.filter((c) => !sameIds(items.filter((i) => i.external_userid === c.userid), written[c.userid]));
		assert(!disorder.length, `out of order for ${disorder.map((c) => c.userid).join(', ')}`);
		const shape = items[0];
		assert(shape.origin === 3 && shape.origin_name === 'customer' && shape.msgtype === 'text' && typeof shape.send_time_iso === 'string', JSON.stringify(shape));
		state.delivery = deliveries[deliveries.length - 1].d;
		const retried = deliveries.filter((x) => x.d.attempts.length > 1).length;
		const tokens = syncCalls(t).slice(syncBefore).filter((c) => c.token).length;
		return `500 items (+ the ${foreign.length} written by the examples step) in ${executions} executions from ${deliveries.length} callbacks (${retried} sent again: after a 150-ms timeout, or as a lost answer's retry); every msgid once, each customer's 50 in order; ${syncCalls(t).length - syncBefore} sync_msg calls, ${tokens} with the callback Token`;
	},
};

/** @type {WeComStep} */
const expiredToken = {
	name: 'WeCom trigger: a callback Token expired before the pull (sandbox clock +601 s) → 95007, sync_msg again without token, the message once',
	async run(t, state) {
		const msgid = customerWrites(t, ACCOUNTS.afterSales, 'wmE2eLateCustomer000000000000000', 'are you there?');
		const before = syncCalls(t).length;
		// The pull's first sync_msg waits 2 s in the sandbox; meanwhile the Token outlives its 600 s.
		t.sandbox.setFault('/cgi-bin/kf/sync_msg', { delayMs: 2000, times: 1 });
		const d = await callback(t, 'main', ACCOUNTS.afterSales);
		t.sandbox.clock.advance(601);
		let items;
		try {
			assert(d.acknowledged && d.attempts[0].body === 'success', JSON.stringify(d.attempts));
			({ items } = await newItems(t, state, 'main'));
		} finally {
			t.sandbox.clock.advance(-601);
		}
		const calls = syncCalls(t).slice(before);
		assert(calls.length === 2 && calls[0].token === d.token && !calls[1].token, `sync_msg calls: ${JSON.stringify(calls)}`);
		assert(calls[0].cursor === calls[1].cursor, `the cursor changed: ${calls[0].cursor} → ${calls[1].cursor}`);
		assert(items.length === 1 && items[0].msgid === msgid, `items: ${JSON.stringify(items.map((i) => i.msgid))}, expected [${msgid}]`);
		const log = require('fs').readFileSync(t.logFile, 'utf8');
		assert(/its Token had expired, so sync_msg was called without it/.test(log), 'n8n did not log the dropped Token');
		return 'sync_msg with the Token (95007), then the same cursor without it; 1 item; logged';
	},
};

module.exports = { STEPS: [verification, fiveHundred, expiredToken], CUSTOMERS };
