import type { OperationDefinition } from '../../execution/types';
import { sessionChanged } from './shared';
import { kfAccountProperty, openidProperty, optionsCollection, readKfAccount, readOpenid } from '../shared';

export const closeSession: OperationDefinition = {
	option: {
		name: 'Close',
		value: 'close',
		action: 'Close a session',
		description: 'End the session between an agent and a customer (kfsession/close)',
	},
	api: 'POST /customservice/kfsession/close',
	properties: [kfAccountProperty('agent'), openidProperty, optionsCollection()],
	async execute({ itemIndex, client }) {
		const kfAccount = readKfAccount(this, itemIndex);
		const openid = readOpenid(this, itemIndex);
		await client.closeSession({ kf_account: kfAccount, openid });
		return sessionChanged(kfAccount, openid);
	},
};
