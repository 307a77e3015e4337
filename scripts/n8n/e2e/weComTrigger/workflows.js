// @ts-check
'use strict';
/**
 * The WeCom trigger checks' workflows and credentials: the WeCom Customer Service Trigger alone (its items are read
 * from each execution's run data through REST), once for the two demo accounts with `startFrom: now`, and twice on
 * a fresh account (门店小助手) with `now` and `oldestAvailable`.
 */
const path = require('path');

const { workflowFiles } = require('../../instance');
const { REPO_ROOT } = require('../../lib/proc');
const { loadSandbox } = require('../../lib/sandbox');

const PACKAGE = 'n8n-nodes-wechat-customer-service';
const WECOM_TRIGGER_TYPE = `${PACKAGE}.weComCustomerServiceTrigger`;
const WECOM_API = 'weComCustomerServiceApi';
const WECOM_CALLBACK_API = 'weComCustomerServiceCallbackApi';
/** The credentials examples 12 and 13 reference. */
const WECOM_CREDENTIAL = { id: 'sandboxWeCom0001', name: 'WeCom sandbox', type: WECOM_API };
const WECOM_CALLBACK_CREDENTIAL = { id: 'sandboxWeComCb01', name: 'WeCom sandbox callback', type: WECOM_CALLBACK_API };
const TRIGGER_NAME = 'WeCom Customer Service Trigger';

const ACCOUNTS = {
	afterSales: 'wkAfterSalesDemo0000000000000000',
	booking: 'wkBookingDemo0000000000000000000',
	store: 'wkStoreAssistantDemo000000000000',
};

/** Examples 12 and 13 (whatever their names after the number). */
const EXAMPLE_FILES = workflowFiles(path.join(REPO_ROOT, 'examples')).filter((f) => /^1[23]-/.test(path.basename(f)));

/** Both WeCom credentials for a sandbox at `sandboxUrl`, as `n8n import:credentials` reads them. @param {string} sandboxUrl */
function credentialsFor(sandboxUrl) {
	const demo = loadSandbox('').SANDBOX_WECOM;
	return [
		{ ...WECOM_CREDENTIAL, data: { corpId: demo.corpId, secret: demo.secret, apiHost: 'custom', baseUrl: sandboxUrl, proxyUrl: '', timeoutSeconds: 30 } },
		{ ...WECOM_CALLBACK_CREDENTIAL, data: { token: demo.callbackToken, encodingAESKey: demo.encodingAESKey, corpId: demo.corpId, previousEncodingAESKey: '' } },
	];
}

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
			[WECOM_CALLBACK_API]: { id: WECOM_CALLBACK_CREDENTIAL.id, name: WECOM_CALLBACK_CREDENTIAL.name },
			[WECOM_API]: { id: WECOM_CREDENTIAL.id, name: WECOM_CREDENTIAL.name },
		},
	};
	return { id, name, nodes: [trigger], connections: {}, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

const WORKFLOWS = {
	main: triggerWorkflow('wcsE2eWeComTrig1', 'e2e: WeCom trigger, two accounts', 'e2ec0001-0000-4000-8000-00000000f00d', { openKfIds: `${ACCOUNTS.afterSales}, ${ACCOUNTS.booking}`, startFrom: 'now' }),
	fromNow: triggerWorkflow('wcsE2eWeComTrig2', 'e2e: WeCom trigger, fresh account from now', 'e2ec0002-0000-4000-8000-00000000f00d', { openKfIds: ACCOUNTS.store, startFrom: 'now' }),
	oldest: triggerWorkflow('wcsE2eWeComTrig3', 'e2e: WeCom trigger, fresh account from the oldest', 'e2ec0003-0000-4000-8000-00000000f00d', { openKfIds: ACCOUNTS.store, startFrom: 'oldestAvailable' }),
};

/** A workflow's production webhook URL on n8n at `baseUrl`. @param {string} baseUrl @param {keyof typeof WORKFLOWS} key */
function triggerUrl(baseUrl, key) {
	return `${baseUrl}/webhook/${WORKFLOWS[key].nodes[0].webhookId}/webhook`;
}

module.exports = { WECOM_TRIGGER_TYPE, TRIGGER_NAME, ACCOUNTS, WORKFLOWS, EXAMPLE_FILES, credentialsFor, triggerUrl };
