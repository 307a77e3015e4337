// @ts-check
'use strict';
/**
 * The WeCom trigger steps about time and restarts: n8n stopped between two callbacks while customers write, the
 * workflows re-published, n8n started again → exactly what was written meanwhile, and the cursor in the workflow's
 * static data; fresh workflows on an account with 3 days of history → `now` emits nothing older than the
 * activation, `oldestAvailable` the history once.
 */
const { ACCOUNTS, TRIGGER_NAME, WORKFLOWS } = require('./workflows');
const { assert, callback, customerWrites, newItems, repeated, sameIds } = require('./observe');

/**
 * @typedef {import('./observe').WeComStep} WeComStep
 * @typedef {import('./instance').WeComTriggerInstance} WeComTriggerInstance
 */

const HISTORY_CUSTOMER = 'wmE2eHistoryCustomer000000000000';
/** Hours ago of the messages on 门店小助手 before n8n first starts (all within WeCom's 3 days). */
const HISTORY_HOURS = [71, 60, 48, 24, 2];

/** Writes the fresh account's history, before n8n first starts. @param {import('../../../../sandbox/wecom/corp').WeComCorp} corp @param {ReturnType<import('./instance').sandboxTools>} tools */
function seedHistory(corp, tools) {
	const now = corp.clock.now();
	for (const h of HISTORY_HOURS) tools.wecom.weComCustomers.customerWrites(corp, ACCOUNTS.store, HISTORY_CUSTOMER, { msgtype: 'text', content: `${h} hours ago` }, now - h * 3600);
}

/** The trigger's saved cursors, as n8n's database holds them (REST). @param {WeComTriggerInstance} t @param {string} workflowId */
async function savedCursors(t, workflowId) {
	const wf = await t.rest.workflow(workflowId);
	const data = typeof wf.staticData === 'string' ? JSON.parse(wf.staticData) : wf.staticData;
	return (data && data[`node:${TRIGGER_NAME}`] && data[`node:${TRIGGER_NAME}`].cursors) || {};
}

/** The cursor sync_msg gives after an account's last message. @param {WeComTriggerInstance} t @param {string} openKfid */
function cursorAtEnd(t, openKfid) {
	const all = t.corp.retained(openKfid);
	return t.tools.sync.syncCursor(openKfid, all[all.length - 1].seq);
}

/** @type {WeComStep} */
const restart = {
	name: 'WeCom trigger: n8n stopped between two callbacks, customers write meanwhile (that callback is lost), re-published, started → exactly those messages; the cursor in staticData',
	async run(t, state) {
		const before = await savedCursors(t, WORKFLOWS.main.id);
		assert(before[ACCOUNTS.afterSales] === cursorAtEnd(t, ACCOUNTS.afterSales), `saved cursor before the restart: ${JSON.stringify(before)}`);
		/** @type {string[]} */
		const written = [];
		/** @type {string[]} */
		const lost = [];
		await t.restart(async () => {
			for (let i = 0; i < 6; i++) written.push(customerWrites(t, ACCOUNTS.afterSales, 'wmE2eWhileDown000000000000000000', `while n8n is down #${i}`));
			const d = await callback(t, 'main', ACCOUNTS.afterSales, { retries: 0, timeoutMs: 2000 });
			lost.push(d.attempts.map((a) => a.outcome).join(','));
		});
		const d = await callback(t, 'main', ACCOUNTS.afterSales);
		assert(d.acknowledged && d.attempts[0].body === 'success', JSON.stringify(d.attempts));
		const { items } = await newItems(t, state, 'main');
		assert(sameIds(items, written), `after the restart: ${items.length} items ${JSON.stringify(items.map((i) => i.text && i.text.content))}, expected the ${written.length} written while down`);
		const after = await savedCursors(t, WORKFLOWS.main.id);
		assert(after[ACCOUNTS.afterSales] === cursorAtEnd(t, ACCOUNTS.afterSales), `saved cursor after: ${JSON.stringify(after)}`);
		assert(after[ACCOUNTS.booking] === before[ACCOUNTS.booking], 'the other account’s cursor changed');
		return `the callback while down: ${lost[0]}; after the restart and re-publish: ${items.length} items, none repeated; workflow_entity.staticData cursors of both accounts as expected`;
	},
};

/** @type {WeComStep} */
const startFrom = {
	name: 'WeCom trigger: fresh workflows on an account with 3 days of history: `now` emits only what came after activation; `oldestAvailable` all of it once, a second callback nothing',
	async run(t, state) {
		const fresh = [customerWrites(t, ACCOUNTS.store, HISTORY_CUSTOMER, 'after the activation'), customerWrites(t, ACCOUNTS.store, HISTORY_CUSTOMER, 'and again')];
		const held = t.corp.retained(ACCOUNTS.store).filter((e) => e.origin === 3).map((e) => e.msgid);
		/** @type {Record<string, number>} */
		const counts = {};
		for (const key of /** @type {('fromNow' | 'oldest')[]} */ (['fromNow', 'oldest'])) {
			const d = await callback(t, key, ACCOUNTS.store);
			assert(d.acknowledged && d.attempts[0].body === 'success', `${key}: ${JSON.stringify(d.attempts)}`);
			const { items } = await newItems(t, state, key);
			const want = key === 'fromNow' ? fresh : held;
			assert(sameIds(items, want), `${key}: ${JSON.stringify(items.map((i) => i.text && i.text.content))}, expected ${want.length} items`);
			await callback(t, key, ACCOUNTS.store);
			const again = await newItems(t, state, key);
			assert(again.executions === 0 && !repeated(items).length, `${key}: a second callback started ${again.executions} executions`);
			counts[key] = items.length;
		}
		assert(held.length === HISTORY_HOURS.length + fresh.length, `the sandbox holds ${held.length} messages`);
		return `now: ${counts.fromNow} items (the ${HISTORY_HOURS.length} older ones skipped); oldestAvailable: ${counts.oldest} (history ${HISTORY_HOURS.join('/')} h ago + 2); second callbacks: no execution`;
	},
};

module.exports = { LIFECYCLE: [restart, startFrom], seedHistory };
