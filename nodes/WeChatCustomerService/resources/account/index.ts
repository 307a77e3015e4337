import type { ResourceDefinition } from '../../execution/types';
import { createAccount } from './create';
import { deleteAccount } from './delete';
import { inviteAccount } from './invite';
import { updateAccount } from './update';

export const accountResource: ResourceDefinition = {
	option: {
		name: 'Account',
		value: 'account',
		description: 'Create, update, delete customer-service accounts and bind WeChat users to them',
	},
	operations: [createAccount, deleteAccount, inviteAccount, updateAccount],
};
