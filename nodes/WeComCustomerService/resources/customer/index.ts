import type { ResourceDefinition } from '../../execution/types';
import { getCustomer } from './get.operation';

export const customerResource: ResourceDefinition = {
	option: { name: 'Customer', value: 'customer', description: 'The WeChat users who chat with your accounts (external_userid)' },
	operations: [getCustomer],
};
