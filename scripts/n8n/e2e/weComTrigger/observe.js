// @ts-check
'use strict';
/**
 * What the WeCom trigger steps see: callbacks sent by the sandbox as WeCom sends them, the workflow's executions
 * once none runs any more and the trigger's items in them, and the sandbox's sync_msg requests.
 */
const { setTimeout: sleep } = require('timers/promises');

const { nodeOutput } = require('../../lib/runData');
const { TRIGGER_NAME, WORKFLOWS } = require('./workflows');

const SYNC_PATH = '/cgi-bin/kf/sync_msg';

/**
 * @typedef {import('./instance').WeComTriggerInstance} WeComTriggerInstance
 * @typedef {import('./workflows').TriggerKey} WorkflowKey
 * @typedef {import('../../../../sandbox/wecom/callback').DeliveryOptions} DeliveryOptions
 * @typedef {{ msgid: string, external_userid: string, open_kfid: string, text?: { content: string }, [k: string]: unknown }} Item
 * @typedef {{ name: string, run(t: WeComTriggerInstance, state: StepState): Promise<string> }} WeComStep
 * @typedef {{ lastExecution: Record<string, number>, earlier: string[], delivery?: import('../../../../sandbox/wecom/callback').Delivery }} StepState
 *   earlier: msgids written to the e2e trigger's accounts by other steps, which it emits with the next callback
 */

/** @param {unknown} cond @param {string} message */
function assert(cond, message) {
	if (!cond) throw new Error(message);
}

/** WeCom's callback for an account, to a workflow's production URL. @param {WeComTriggerInstance} t @param {WorkflowKey} key @param {string} openKfid @param {DeliveryOptions} [options] */
function callback(t, key, openKfid, options = {}) {
	return t.tools.wecom.sendCallback(t.corp, openKfid, { url: t.url(key), ...options });
}

/** A customer's text, in the account's stream now. @param {WeComTriggerInstance} t @param {string} openKfid @param {string} userid @param {string} content */
function customerWrites(t, openKfid, userid, content) {
	return t.tools.wecom.weComCustomers.customerWrites(t.corp, openKfid, userid, { msgtype: 'text', content }).msgid;
}

/** The sync_msg requests the sandbox saw so far. @param {WeComTriggerInstance} t */
function syncCalls(t) {
	return t.sandbox.requestsTo(SYNC_PATH).map((r) => /** @type {{ open_kfid: string, cursor?: string, token?: string }} */ (r.json));
}

/**
 * Waits until a workflow's executions stop changing (none unfinished, the same list for `quietMs`), then returns
 * those after `state.lastExecution[key]`, oldest first, and moves that mark.
 * @param {WeComTriggerInstance} t @param {StepState} state @param {WorkflowKey | string} key
 */
async function newExecutions(t, state, key, { quietMs = 3000, timeoutMs = 180000 } = {}) {
	const id = key in WORKFLOWS ? WORKFLOWS[/** @type {keyof typeof WORKFLOWS} */ (key)].id : key;
	const after = state.lastExecution[key] ?? 0;
	const t0 = Date.now();
	let seen = '';
	let since = Date.now();
	for (;;) {
		// n8n lists at most 100 a page, newest first: each workflow here has fewer, so one page holds every new one.
		const page = await t.rest.executions(id, 100);
		assert(page.length < 100, `${id} has 100 executions or more: the steps start fewer`);
		const list = page.filter((e) => Number(e.id) > after);
		const now = JSON.stringify(list.map((e) => `${e.id}:${e.status}`));
		if (now !== seen) [seen, since] = [now, Date.now()];
		const busy = list.some((e) => ['new', 'running', 'waiting'].includes(e.status));
		if (!busy && Date.now() - since >= quietMs) {
			const sorted = list.sort((a, b) => Number(a.id) - Number(b.id));
			if (sorted.length) state.lastExecution[key] = Number(sorted[sorted.length - 1].id);
			return sorted;
		}
		if (Date.now() - t0 > timeoutMs) throw new Error(`executions of ${id} still changing after ${timeoutMs / 1000}s: ${now}`);
		await sleep(500);
	}
}

/** The trigger's items of the new executions, in execution order. @param {WeComTriggerInstance} t @param {StepState} state @param {WorkflowKey | string} key */
async function newItems(t, state, key, options = {}) {
	/** @type {Item[]} */
	const items = [];
	const executions = await newExecutions(t, state, key, options);
	for (const e of executions) {
		const ex = await t.rest.execution(t.rt, e.id);
		assert(ex.status === 'success', `execution ${e.id}: ${ex.status} ${JSON.stringify(ex.error)}`);
		items.push(...(nodeOutput(ex.runData, TRIGGER_NAME) || []));
	}
	return { items, executions: executions.length };
}

/** msgids emitted more than once. @param {Item[]} items */
function repeated(items) {
	const seen = new Set();
	return items.filter((i) => (seen.has(i.msgid) ? true : (seen.add(i.msgid), false))).map((i) => i.msgid);
}

/** The same msgids in the same order? @param {Item[]} items @param {string[]} msgids */
function sameIds(items, msgids) {
	return JSON.stringify(items.map((i) => i.msgid)) === JSON.stringify(msgids);
}

module.exports = { assert, callback, customerWrites, syncCalls, newExecutions, newItems, repeated, sameIds, SYNC_PATH };
