import type { ResourceDefinition } from '../../execution/types';
import { getAllAccounts } from './getAll';

export const accountResource: ResourceDefinition = {
	option: { name: 'Account', value: 'account', description: '微信客服 accounts (the names customers chat with)' },
	operations: [getAllAccounts],
};
