import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { route } from './router';
import { weChatOfficialAccountApiTest } from './methods/credentialTest';
import { searchAccounts, searchAgents } from './methods/listSearch';
import { RESOURCES, nodeProperties } from './resources';
import { subtitleExpression } from '../shared/execution/subtitle';

export class WeChatCustomerService implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeChat Customer Service',
		name: 'weChatCustomerService',
		icon: { light: 'file:../../icons/wechat.svg', dark: 'file:../../icons/wechat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(RESOURCES),
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
		listSearch: { searchAccounts, searchAgents },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
