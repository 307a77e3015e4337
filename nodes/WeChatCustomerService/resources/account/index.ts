import type { ResourceDefinition } from '../../execution/types';
import { createAccount } from './create.operation';
import { deleteAccount } from './delete.operation';
import { inviteAccount } from './invite.operation';
import { updateAccount } from './update.operation';

export const accountResource: ResourceDefinition = {
	option: {
		name: 'Account',
		value: 'account',
		description: 'Create, update, delete customer-service accounts and bind WeChat users to them',
	},
	operations: [createAccount, deleteAccount, inviteAccount, updateAccount],
};
