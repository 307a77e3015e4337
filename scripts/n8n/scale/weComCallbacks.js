// @ts-check
'use strict';
/**
 * The WeCom Customer Service Trigger on the cluster: the sandbox calls main's production URL back as WeCom does
 * (overlapping callbacks, some sent again after a short timeout); main answers, pulls sync_msg (through the meter,
 * which tells which process asked) and enqueues; the workers run the executions. Every msgid must come out once across the cluster, each customer's in order.
 */
const crypto = require('crypto');
const { setTimeout: sleep } = require('timers/promises');

const { WECOM_CALLBACK_CREDENTIAL, WECOM_CREDENTIAL, WECOM_TRIGGER_TYPE } = require('../lib/names');
const { loadSandbox, weComDemoCredentials } = require('../lib/sandbox');
const { nodeOutput } = require('../lib/runData');
const { placement } = require('./cluster');
const { node, setNode, chain } = require('./workloads');

/**
 * @typedef {import('./index').ScaleContext} ScaleContext
 * @typedef {import('../lib/rest').CredentialRef} CredentialRef
 * @typedef {import('../../../sandbox/wecom/callback').Delivery} Delivery
 */

const WECOM_API = WECOM_CREDENTIAL.type;
const WECOM_CALLBACK_API = WECOM_CALLBACK_CREDENTIAL.type;
const SYNC_PATH = '/cgi-bin/kf/sync_msg';
const ACCOUNTS = ['wkAfterSalesDemo0000000000000000', 'wkBookingDemo0000000000000000000'];
const CUSTOMERS = Array.from({ length: 10 }, (_, i) => ({ userid: `wmScaleCustomer${String(i).padStart(2, '0')}`.padEnd(32, '0'), account: ACCOUNTS[i % 2] }));
const ROUNDS = 10;
const PER_ROUND = 2;
const TOTAL = CUSTOMERS.length * ROUNDS * PER_ROUND;

/**
 * Trigger (both demo accounts, from now) → "Ran on" (the process). No reply: WeCom allows 5 sends per customer
 * message, and one execution may hold many messages of a customer.
 * @param {CredentialRef} api @param {CredentialRef} callback
 */
function weComWorkflow(api, callback) {
	const webhookId = crypto.randomUUID();
	const trigger = node('Customer writes', WECOM_TRIGGER_TYPE, 1, [0, 0], { openKfIds: ACCOUNTS.join(', '), origins: ['customer'], messageTypes: ['*'], startFrom: 'now', options: {} }, {
		webhookId,
		credentials: { [WECOM_CALLBACK_API]: { id: callback.id, name: callback.name }, [WECOM_API]: { id: api.id, name: api.name } },
	});
	const ranOn = setNode('Ran on', [220, 0], { process: '={{ $env.WECHAT_CS_SCALE_PROCESS }}', msgid: '={{ $json.msgid }}' });
	const nodes = [trigger, ranOn];
	return { name: 'Scale: WeCom trigger, every customer message', nodes, connections: chain(nodes), settings: { executionOrder: 'v1' }, active: false, path: `${webhookId}/webhook` };
}

/** The customers write, a round at a time; after each round both accounts are called back without waiting. @param {ScaleContext} ctx @param {string} url */
async function converse(ctx, url) {
	const { sendCallback, weComCustomers, SANDBOX_WECOM } = loadSandbox('');
	const corp = ctx.sb.state.wecom.demoCorp;
	corp.callback = { url, token: SANDBOX_WECOM.callbackToken, encodingAESKey: SANDBOX_WECOM.encodingAESKey };
	// The token checks before this moved the sandbox clock ahead (+602 s); WeCom stamps a callback with the real
	// time, and the trigger refuses one more than 300 s away from its own clock.
	const stamp = { timestampOffset: Math.round(Date.now() / 1000) - ctx.sb.clock.now() };
	/** @type {Record<string, string[]>} */
	const written = Object.fromEntries(CUSTOMERS.map((c) => [c.userid, []]));
	/** @type {Promise<Delivery>[]} */
	const pending = [];
	for (let round = 0; round < ROUNDS; round++) {
		for (const c of CUSTOMERS) {
			for (let n = 0; n < PER_ROUND; n++) {
				written[c.userid].push(weComCustomers.customerWrites(corp, c.account, c.userid, { msgtype: 'text', content: `${c.userid.slice(2, 17)} #${round * PER_ROUND + n}` }).msgid);
			}
		}
		// Odd rounds: a 200-ms timeout, so a slow answer is sent again (WeCom's retry), 300 ms apart.
		const options = round % 2 ? { timeoutMs: 200, retryIntervalMs: 300 } : { retryIntervalMs: 1000 };
		for (const account of ACCOUNTS) pending.push(sendCallback(corp, account, { url, ...stamp, ...options }));
		await sleep(200);
	}
	const deliveries = await Promise.all(pending);
	// Whatever became of a short callback, a later one pulls everything since the cursor.
	for (const account of ACCOUNTS) deliveries.push(await sendCallback(corp, account, { url, ...stamp, retryIntervalMs: 1000 }));
	return { written, deliveries };
}

/** Execution rows [id, status] of a workflow once none has changed for `quietMs`. @param {ScaleContext} ctx @param {string} workflowId */
async function settledExecutions(ctx, workflowId, { quietMs = 5000, timeoutMs = 180000 } = {}) {
	const t0 = Date.now();
	let seen = '';
	let since = Date.now();
	for (;;) {
		const rows = ctx.postgres
			.psql(`select id, status from execution_entity where "workflowId" = '${workflowId}' order by id`, 'n8n')
			.stdout.trim()
			.split('\n')
			.filter(Boolean)
			.map((r) => r.split('|'));
		const now = JSON.stringify(rows);
		if (now !== seen) [seen, since] = [now, Date.now()];
		const busy = rows.some(([, status]) => ['new', 'running', 'waiting'].includes(status));
		if (!busy && Date.now() - since >= quietMs) return rows;
		if (Date.now() - t0 > timeoutMs) throw new Error(`executions of ${workflowId} still changing after ${timeoutMs / 1000}s`);
		await sleep(500);
	}
}

/** What went wrong with the items: a msgid twice, one missing or foreign, a customer's out of order. @param {Record<string, string[]>} written @param {{ msgid: string, external_userid: string }[]} items */
function itemProblems(written, items) {
	const bad = [];
	const counts = new Map();
	for (const i of items) counts.set(i.msgid, (counts.get(i.msgid) || 0) + 1);
	const twice = [...counts].filter(([, n]) => n > 1);
	if (twice.length) bad.push(`${twice.length} msgids emitted more than once, e.g. ${twice[0][0]}`);
	const all = Object.values(written).flat();
	const missing = all.filter((id) => !counts.has(id));
	if (missing.length) bad.push(`${missing.length} msgids never emitted`);
	const ours = new Set(all);
	const foreign = items.filter((i) => !ours.has(i.msgid));
	if (foreign.length) bad.push(`${foreign.length} items not written by the check`);
	const disorder = Object.keys(written).filter((u) => JSON.stringify(items.filter((i) => i.external_userid === u).map((i) => i.msgid)) !== JSON.stringify(written[u]));
	if (disorder.length && !twice.length) bad.push(`out of order for ${disorder.join(', ')}`);
	return bad;
}

/** The WeCom credentials (API through the meter), the published workflow, then the check. @param {ScaleContext} ctx */
async function weComCallbacks(ctx) {
	const { check, rest, meter, rt, cluster } = ctx;
	// The demo credentials, the API one through the meter.
	const [api, callback] = await Promise.all(weComDemoCredentials(meter.url).map((c) => rest.createCredential(c.name, c.type, c.data)));
	// An unsigned GET is refused 401 once the trigger is registered.
	const wf = await rest.createPublished(weComWorkflow(api, callback), (status) => status === 401);
	await check(`WeCom trigger: ${CUSTOMERS.length} customers × ${ROUNDS * PER_ROUND} messages over overlapping, retried callbacks → main answers and pulls, the workers run the executions; every msgid once across the cluster`, async () => {
		const before = meter.counts();
		const { written, deliveries } = await converse(ctx, wf.url);
		const rows = await settledExecutions(ctx, wf.id);
		const { per, bad } = placement(cluster.workers, rows);
		const unanswered = deliveries.filter((d) => d.attempts.some((a) => a.outcome === 'answered' && a.body !== 'success') || d.attempts.some((a) => a.outcome === 'status' || a.outcome === 'error'));
		if (unanswered.length) bad.push(`${unanswered.length} callbacks answered otherwise: ${JSON.stringify(unanswered[0].attempts)}`);
		/** @type {{ msgid: string, external_userid: string }[]} */
		const items = [];
		/** @type {Record<string, number>} items per process that ran them, as each says */
		const ranOn = {};
		for (const [id] of rows) {
			const { runData } = await rest.execution(rt, id);
			items.push(...(nodeOutput(runData, 'Customer writes') || []));
			for (const r of nodeOutput(runData, 'Ran on') || []) ranOn[r.process] = (ranOn[r.process] || 0) + 1;
		}
		bad.push(...itemProblems(written, items));
		if (ranOn.main) bad.push(`${ranOn.main} items ran on main`);
		const after = meter.counts();
		/** @param {string} who @param {string} p */
		const calls = (who, p) => ((after[who] && after[who].paths[p]) || 0) - ((before[who] && before[who].paths[p]) || 0);
		const pullers = Object.keys(after).filter((who) => calls(who, SYNC_PATH) > 0);
		if (pullers.join() !== 'main') bad.push(`sync_msg called by ${pullers.join(', ') || 'nobody'}, expected main alone`);
		if (bad.length) throw new Error(bad.slice(0, 8).join('\n'));
		const retried = deliveries.filter((d) => d.attempts.length > 1).length;
		return [
			`${deliveries.length} callbacks answered "success" by main (${retried} sent again after a 200-ms timeout); ${TOTAL} items in ${rows.length} executions, every msgid once, each customer's in order`,
			`sync_msg: ${calls('main', SYNC_PATH)} calls, all by main; executions on ${Object.entries(per).map(([k, v]) => `${k} ${v}`).join(', ')} (worker logs); items by $env: ${Object.entries(ranOn).map(([k, v]) => `${k} ${v}`).join(', ')}`,
		].join('\n');
	});
}

module.exports = { weComCallbacks };
