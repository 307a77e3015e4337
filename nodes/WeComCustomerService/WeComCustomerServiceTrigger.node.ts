import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { weComCustomerServiceCallbackApiTest } from './methods/callbackCredentialTest';
import { weComCustomerServiceApiTest } from './methods/credentialTest';
import { checkTriggerActivation } from './trigger/activation';
import { triggerProperties } from './trigger/description';
import { handleWebhook } from './trigger/webhook';

export class WeComCustomerServiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom Customer Service Trigger',
		name: 'weComCustomerServiceTrigger',
		icon: { light: 'file:../../icons/wecom.svg', dark: 'file:../../icons/wecom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["origins"].join(", ")}}',
		description:
			'Starts the workflow on 微信客服 messages and events: answers WeCom’s callback at once, then pulls them with sync_msg, each once',
		defaults: { name: 'WeCom Customer Service Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'weComCustomerServiceCallbackApi', required: true, testedBy: 'weComCustomerServiceCallbackApiTest' },
			// For sync_msg (and media/get with Download Media).
			{ name: 'weComCustomerServiceApi', required: true, testedBy: 'weComCustomerServiceApiTest' },
		],
		webhooks: [
			// URL verification when the callback URL is saved in WeCom admin.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { weComCustomerServiceCallbackApiTest, weComCustomerServiceApiTest },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkTriggerActivation.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await checkTriggerActivation.call(this);
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook.call(this);
	}
}
