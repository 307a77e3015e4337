import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { checkAccountName, createAccount } from '../../client/accounts';
import type { OperationDefinition } from '../../execution/types';
import { avatarMediaId, avatarProperties, readAvatar } from './avatar';
import { accountNameProperty } from './name';

export const createAccountOperation: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an account',
		description: 'Add a 微信客服 account with a name and an avatar; the avatar can be the item’s image, uploaded first (kf/account/add)',
	},
	api: `${apiLine(WECOM_CALLS.addAccount)} (an avatar file: media/upload first)`,
	outcome: {
		[WECOM_CALLS.addAccount.path]: { done: 'created the account', then: 'check with Account → Get Many before running it again' },
		[WECOM_CALLS.uploadMedia.path]: { done: 'stored the file', then: 'uploading it again does no harm: temporary media expire after 3 days' },
	},
	properties: [{ ...accountNameProperty, required: true }, ...avatarProperties(false), optionsCollection()],
	async execute({ itemIndex, client }) {
		const name = checkAccountName('name', stringParam(this, itemIndex, 'name'));
		const avatar = (await readAvatar(this, itemIndex, false))!;
		const mediaId = await avatarMediaId(client, avatar);
		const openKfId = await createAccount(client, name, mediaId);
		return { open_kfid: openKfId, name, media_id: mediaId };
	},
};
