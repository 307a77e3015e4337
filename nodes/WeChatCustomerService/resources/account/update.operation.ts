import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { OperationDefinition } from '../../execution/types';
import { nicknameProperty, passwordFields, readAccountBody } from './shared';
import { accountResult, kfAccountProperty } from '../shared';
import { optionsCollection } from '../../../shared/execution/parameters';

export const updateAccount: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an account',
		description: 'Change the nickname (and legacy password) of a customer-service account (kfaccount/update)',
	},
	api: apiLine(KF_CALLS.updateAccount),
	outcome: { [KF_CALLS.updateAccount.path]: { done: 'updated the account', then: 'check with Agent → Get Many before running it again' } },
	properties: [kfAccountProperty(), nicknameProperty, passwordFields, optionsCollection()],
	async execute({ itemIndex, client }) {
		const body = readAccountBody(this, itemIndex);
		return accountResult(body.kf_account, 'update', await client.updateAccount(body));
	},
};
