import type { OperationDefinition } from '../../execution/types';
import { nicknameProperty, passwordFields, readAccountBody } from './shared';
import { accountResult, kfAccountProperty, optionsCollection } from '../shared';

export const createAccount: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an account',
		description: 'Add a customer-service account to the Official Account (kfaccount/add)',
	},
	api: 'POST /customservice/kfaccount/add',
	properties: [kfAccountProperty('newAccount'), nicknameProperty, passwordFields, optionsCollection()],
	async execute({ itemIndex, client }) {
		const body = readAccountBody(this, itemIndex);
		return accountResult(body.kf_account, 'create', await client.addAccount(body));
	},
};
