import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { OperationDefinition } from '../../execution/types';
import { accountResult, kfAccountProperty, readKfAccount } from '../shared';
import { optionsCollection } from '../../../shared/execution/parameters';

export const deleteAccount: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an account',
		description: 'Remove a customer-service account (kfaccount/del, POST with the account in a JSON body)',
	},
	api: apiLine(KF_CALLS.deleteAccount),
	outcome: { [KF_CALLS.deleteAccount.path]: { done: 'deleted the account', then: 'check with Agent → Get Many before running it again' } },
	properties: [kfAccountProperty(), optionsCollection()],
	async execute({ itemIndex, client }) {
		const kfAccount = readKfAccount(this, itemIndex);
		return accountResult(kfAccount, 'delete', await client.deleteAccount(kfAccount));
	},
};
