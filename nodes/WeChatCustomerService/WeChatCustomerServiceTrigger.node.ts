import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { weChatOfficialAccountPushApiTest } from './methods/pushCredentialTest';
import { triggerProperties } from './trigger/description';
import { validateTriggerParameters } from './trigger/options';
import { handleWebhook } from './trigger/webhook';

export class WeChatCustomerServiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Customer Service Trigger',
		name: 'weChatCustomerServiceTrigger',
		icon: { light: 'file:../../icons/wechat.svg', dark: 'file:../../icons/wechat.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow on customer messages and customer-service session events pushed by a WeChat Official Account',
		defaults: { name: 'WeChat Customer Service Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'weChatOfficialAccountPushApi', required: true, testedBy: 'weChatOfficialAccountPushApiTest' }],
		webhooks: [
			// URL verification when the Server URL is saved in the Official Account console.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { weChatOfficialAccountPushApiTest },
	};

	// WeChat has no API to register a Server URL: the account owner pastes this trigger's URL in the
	// Official Account console (Settings and Development → Basic Configuration → Server Configuration,
	// 设置与开发 → 基本配置 → 服务器配置). So the lifecycle sends nothing; activation only checks the parameters.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await validateTriggerParameters.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await validateTriggerParameters.call(this);
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
