import { optionsCollection } from '../../../shared/execution/parameters';
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
	api: 'POST /cgi-bin/kf/customer/cancel_upgrade_service',
	properties: [openKfIdProperty(), externalUserIdProperty, optionsCollection()],
	async execute({ itemIndex, client }) {
		const session = { open_kfid: readOpenKfId(this, itemIndex), external_userid: readExternalUserId(this, itemIndex) };
		return await cancelUpgradeService(client, session);
	},
};
