import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import { stringParam } from '../../../shared/execution/input';
import type { OperationDefinition } from '../../execution/types';
import { accountResult, kfAccountProperty, readKfAccount } from '../shared';
import { optionsCollection } from '../../../shared/execution/parameters';

export const inviteAccount: OperationDefinition = {
	option: {
		name: 'Invite',
		value: 'invite',
		action: 'Invite a WeChat user to an account',
		description:
			'Invite a WeChat user to bind to the account; they accept in WeChat within 7 days (kfaccount/inviteworker)',
	},
	api: apiLine(KF_CALLS.inviteWorker),
	outcome: { [KF_CALLS.inviteWorker.path]: { done: 'sent the invitation', then: 'check invite_status with Agent → Get Many before running it again' } },
	properties: [
		kfAccountProperty(),
		{
			displayName: 'WeChat ID to Invite',
			name: 'inviteWx',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. alice_wx',
			description: 'WeChat ID of the person who will serve customers through this account',
		},
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const kfAccount = readKfAccount(this, itemIndex);
		const inviteWx = stringParam(this, itemIndex, 'inviteWx');
		return accountResult(kfAccount, 'invite', await client.inviteWorker(kfAccount, inviteWx));
	},
};
