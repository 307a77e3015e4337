import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { subtitleExpression } from '../shared/execution/subtitle';
import { weComCustomerServiceApiTest } from './methods/credentialTest';
import { searchAccounts, searchServicers } from './methods/listSearch';
import { RESOURCES, nodeProperties } from './resources';
import { route } from './router';

export class WeComCustomerService implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom Customer Service',
		name: 'weComCustomerService',
		icon: { light: 'file:../../icons/wecom.svg', dark: 'file:../../icons/wecom.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(RESOURCES),
		description:
			'Run 微信客服 (WeChat Customer Service on WeCom): accounts, servicers, sessions, messages, customers, statistics and the knowledge base',
		defaults: { name: 'WeCom Customer Service' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'weComCustomerServiceApi', required: true, testedBy: 'weComCustomerServiceApiTest' }],
		properties: nodeProperties(),
	};

	methods = {
		credentialTest: { weComCustomerServiceApiTest },
		listSearch: { searchAccounts, searchServicers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
