import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { OperationDefinition } from '../../execution/types';
import { sessionChanged } from './shared';
import { kfAccountProperty, openidProperty, readKfAccount, readOpenid } from '../shared';
import { optionsCollection } from '../../../shared/execution/parameters';

export const createSession: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a session',
		description:
			'Assign a customer to an agent: the agent must be online and bound to a WeChat user; the customer leaves the waiting queue (kfsession/create)',
	},
	api: apiLine(KF_CALLS.createSession),
	outcome: { [KF_CALLS.createSession.path]: { done: 'assigned the customer', then: 'check with Session → Get before running it again' } },
	properties: [
		kfAccountProperty('agent'),
		openidProperty,
		{
			displayName: 'Note to Agent',
			name: 'text',
			type: 'string',
			default: '',
			description: 'Optional text shown to the agent in the customer-service client when the session opens (not sent to the customer)',
		},
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const kfAccount = readKfAccount(this, itemIndex);
		const openid = readOpenid(this, itemIndex);
		const text = this.getNodeParameter('text', itemIndex, '') as string;
		await client.createSession({ kf_account: kfAccount, openid, text: String(text ?? '') });
		return sessionChanged(kfAccount, openid);
	},
};
