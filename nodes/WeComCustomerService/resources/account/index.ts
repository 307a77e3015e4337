import type { ResourceDefinition } from '../../execution/types';
import { createAccountOperation } from './create.operation';
import { deleteAccountOperation } from './delete.operation';
import { getAllAccounts } from './getAll.operation';
import { getContactLink } from './getContactLink.operation';
import { updateAccountOperation } from './update.operation';

export const accountResource: ResourceDefinition = {
	option: { name: 'Account', value: 'account', description: '微信客服 accounts (the names customers chat with)' },
	defaultOperation: 'getAll',
	operations: [createAccountOperation, deleteAccountOperation, getAllAccounts, getContactLink, updateAccountOperation],
};
