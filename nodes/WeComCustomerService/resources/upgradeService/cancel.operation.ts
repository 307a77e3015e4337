import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { cancelUpgradeService } from '../../client/upgrade';
import type { OperationDefinition } from '../../execution/types';
import { externalUserIdProperty, openKfIdProperty, readExternalUserId, readOpenKfId } from '../shared';

export const cancelUpgrade: OperationDefinition = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel a customer’s upgrade',
		description: 'Withdraw the member or group chat offered to the customer (kf/customer/cancel_upgrade_service)',
	},
	api: apiLine(WECOM_CALLS.cancelUpgrade),
	outcome: {
		[WECOM_CALLS.cancelUpgrade.path]: { done: 'cancelled the upgrade', then: 'running it again answers that there is nothing to cancel if it was' },
	},
	properties: [openKfIdProperty(), externalUserIdProperty, optionsCollection()],
	async execute({ itemIndex, client }) {
		const session = { open_kfid: readOpenKfId(this, itemIndex), external_userid: readExternalUserId(this, itemIndex) };
		return await cancelUpgradeService(client, session);
	},
};
