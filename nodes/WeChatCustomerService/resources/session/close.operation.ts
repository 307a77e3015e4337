import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { OperationDefinition } from '../../execution/types';
import { sessionChanged } from './shared';
import { kfAccountProperty, openidProperty, readKfAccount, readOpenid } from '../shared';
import { optionsCollection } from '../../../shared/execution/parameters';

export const closeSession: OperationDefinition = {
	option: {
		name: 'Close',
		value: 'close',
		action: 'Close a session',
		description: 'End the session between an agent and a customer (kfsession/close)',
	},
	api: apiLine(KF_CALLS.closeSession),
	outcome: { [KF_CALLS.closeSession.path]: { done: 'closed the session', then: 'check with Session → Get before running it again' } },
	properties: [kfAccountProperty('agent'), openidProperty, optionsCollection()],
	async execute({ itemIndex, client }) {
		const kfAccount = readKfAccount(this, itemIndex);
		const openid = readOpenid(this, itemIndex);
		await client.closeSession({ kf_account: kfAccount, openid });
		return sessionChanged(kfAccount, openid);
	},
};
