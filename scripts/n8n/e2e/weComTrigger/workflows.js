// @ts-check
'use strict';
/**
 * The WeCom trigger checks' workflows and credentials: the WeCom Customer Service Trigger alone (its items are read
 * from each execution's run data through REST), once for the two demo accounts with `startFrom: now`, and twice on
 * a fresh account (门店小助手) with `now` and `oldestAvailable`; and examples 10 and 11 as they ship.
 */
const path = require('path');

const { readJson, workflowFiles } = require('../../instance');
const { WECOM_CALLBACK_CREDENTIAL, WECOM_CREDENTIAL, WECOM_TRIGGER_TYPE } = require('../../lib/names');
const { REPO_ROOT } = require('../../lib/proc');
const { webhookUrl } = require('../trigger/instance');

const TRIGGER_NAME = 'WeCom Customer Service Trigger';

const ACCOUNTS = {
	afterSales: 'wkAfterSalesDemo0000000000000000',
	booking: 'wkBookingDemo0000000000000000000',
	store: 'wkStoreAssistantDemo000000000000',
};

/** @param {string} number @returns {{ file: string, id: string, name: string, nodes: { name: string, webhookId?: string }[] }} */
function example(number) {
	const file = workflowFiles(path.join(REPO_ROOT, 'examples')).find((f) => path.basename(f).startsWith(`${number}-`));
	if (!file) throw new Error(`examples/ has no ${number}-*.json`);
	return { file, ...readJson(file) };
}

/** Examples 10 (welcome message) and 11 (AI auto-reply with hand-over). */
const EXAMPLES = { welcome: example('10'), aiReply: example('11') };

/** @param {string} id @param {string} name @param {string} webhookId @param {Record<string, unknown>} parameters */
function triggerWorkflow(id, name, webhookId, parameters) {
	const trigger = {
		id: `${webhookId.slice(0, 8)}-0000-4000-8000-000000000001`,
		name: TRIGGER_NAME,
		type: WECOM_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { origins: ['customer'], messageTypes: ['*'], options: {}, ...parameters },
		credentials: {
			[WECOM_CALLBACK_CREDENTIAL.type]: { id: WECOM_CALLBACK_CREDENTIAL.id, name: WECOM_CALLBACK_CREDENTIAL.name },
			[WECOM_CREDENTIAL.type]: { id: WECOM_CREDENTIAL.id, name: WECOM_CREDENTIAL.name },
		},
	};
	return { id, name, nodes: [trigger], connections: {}, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

const WORKFLOWS = {
	main: triggerWorkflow('wcsE2eWeComTrig1', 'e2e: WeCom trigger, two accounts', 'e2ec0001-0000-4000-8000-00000000f00d', { openKfIds: `${ACCOUNTS.afterSales}, ${ACCOUNTS.booking}`, startFrom: 'now' }),
	fromNow: triggerWorkflow('wcsE2eWeComTrig2', 'e2e: WeCom trigger, fresh account from now', 'e2ec0002-0000-4000-8000-00000000f00d', { openKfIds: ACCOUNTS.store, startFrom: 'now' }),
	oldest: triggerWorkflow('wcsE2eWeComTrig3', 'e2e: WeCom trigger, fresh account from the oldest', 'e2ec0003-0000-4000-8000-00000000f00d', { openKfIds: ACCOUNTS.store, startFrom: 'oldestAvailable' }),
};

/** @typedef {keyof typeof WORKFLOWS | keyof typeof EXAMPLES} TriggerKey */

/** A workflow's (or an example's) production webhook URL on n8n at `baseUrl`. @param {string} baseUrl @param {TriggerKey} key */
function triggerUrl(baseUrl, key) {
	return webhookUrl(baseUrl, key in WORKFLOWS ? WORKFLOWS[/** @type {keyof typeof WORKFLOWS} */ (key)] : EXAMPLES[/** @type {keyof typeof EXAMPLES} */ (key)]);
}

module.exports = { TRIGGER_NAME, ACCOUNTS, WORKFLOWS, EXAMPLES, triggerUrl };
