import type { ResourceDefinition } from '../../execution/types';
import { cancelUpgrade } from './cancel.operation';
import { getUpgradeServiceConfig } from './getConfig.operation';
import { upgradeCustomer } from './upgrade.operation';

export const upgradeServiceResource: ResourceDefinition = {
	option: {
		name: 'Upgrade Service',
		value: 'upgradeService',
		description: 'Hand a 微信客服 customer on to a member’s WeCom contact or a customer group chat',
	},
	defaultOperation: 'upgrade',
	operations: [cancelUpgrade, getUpgradeServiceConfig, upgradeCustomer],
};
