import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { OperationDefinition } from '../../execution/types';
import { nicknameProperty, passwordFields, readAccountBody } from './shared';
import { accountResult, kfAccountProperty } from '../shared';
import { optionsCollection } from '../../../shared/execution/parameters';

export const createAccount: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an account',
		description: 'Add a customer-service account to the Official Account (kfaccount/add)',
	},
	api: apiLine(KF_CALLS.addAccount),
	outcome: { [KF_CALLS.addAccount.path]: { done: 'created the account', then: 'check with Agent → Get Many before running it again' } },
	refusals: {
		// The account to create does not exist yet: 65401 here means its part after the @ is wrong.
		65401: {
			what: 'The part after the @ is not this Official Account’s WeChat ID.',
			do: 'A new account is prefix@OfficialAccountWeChatID with this Official Account’s WeChat ID (微信号) after the @; Agent → Get Many shows it in the existing accounts.',
		},
	},
	properties: [kfAccountProperty('newAccount'), nicknameProperty, passwordFields, optionsCollection()],
	async execute({ itemIndex, client }) {
		const body = readAccountBody(this, itemIndex);
		return accountResult(body.kf_account, 'create', await client.addAccount(body));
	},
};
