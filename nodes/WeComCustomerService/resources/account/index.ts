import type { ResourceDefinition } from '../../execution/types';
import { createAccountOperation } from './create';
import { deleteAccountOperation } from './delete';
import { getAllAccounts } from './getAll';
import { getContactLink } from './getContactLink';
import { updateAccountOperation } from './update';

export const accountResource: ResourceDefinition = {
	option: { name: 'Account', value: 'account', description: '微信客服 accounts (the names customers chat with)' },
	defaultOperation: 'getAll',
	operations: [createAccountOperation, deleteAccountOperation, getAllAccounts, getContactLink, updateAccountOperation],
};
