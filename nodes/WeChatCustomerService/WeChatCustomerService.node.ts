import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { route } from './router';
import { weChatOfficialAccountApiTest } from './methods/credentialTest';
import { nodeProperties } from './resources';

export class WeChatCustomerService implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Customer Service',
		name: 'weChatCustomerService',
		icon: { light: 'file:../../icons/wechat.svg', dark: 'file:../../icons/wechat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Run a WeChat Official Account’s customer service: agents, accounts, avatars, chat records, sessions and messages',
		defaults: { name: 'WeChat Customer Service' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'weChatOfficialAccountApi', required: true, testedBy: 'weChatOfficialAccountApiTest' },
		],
		properties: nodeProperties(),
	};

	methods = {
		credentialTest: { weChatOfficialAccountApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
