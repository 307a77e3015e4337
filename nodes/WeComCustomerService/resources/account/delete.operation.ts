import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { deleteAccount } from '../../client/accounts';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId } from '../shared';

export const deleteAccountOperation: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an account',
		description: 'Delete a 微信客服 account this app may manage; its contact links stop working (kf/account/del)',
	},
	api: apiLine(WECOM_CALLS.deleteAccount),
	outcome: {
		[WECOM_CALLS.deleteAccount.path]: { done: 'deleted the account', then: 'check with Account → Get Many before running it again' },
	},
	properties: [openKfIdProperty(), optionsCollection()],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		await deleteAccount(client, openKfId);
		return { success: true, open_kfid: openKfId };
	},
};
