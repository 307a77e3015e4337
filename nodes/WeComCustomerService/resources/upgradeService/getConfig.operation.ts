import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { getUpgradeConfig } from '../../client/upgrade';
import type { OperationDefinition } from '../../execution/types';

export const getUpgradeServiceConfig: OperationDefinition = {
	option: {
		name: 'Get Config',
		value: 'getConfig',
		action: 'Get the upgrade service configuration',
		description:
			'The members, departments (member_range) and customer group chats (groupchat_range) a customer may be upgraded to, as set in WeCom admin (kf/customer/get_upgrade_service_config)',
	},
	api: apiLine(WECOM_CALLS.getUpgradeConfig),
	properties: [optionsCollection()],
	async execute({ client }) {
		return await getUpgradeConfig(client);
	},
};
