import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
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
	api: 'POST /cgi-bin/kf/account/add (an avatar file: media/upload first)',
	properties: [{ ...accountNameProperty, required: true }, ...avatarProperties(false), optionsCollection()],
	async execute({ itemIndex, client }) {
		const name = checkAccountName('name', stringParam(this, itemIndex, 'name'));
		const avatar = (await readAvatar(this, itemIndex, false))!;
		const mediaId = await avatarMediaId(client, avatar);
		const openKfId = await createAccount(client, name, mediaId);
		return { open_kfid: openKfId, name, media_id: mediaId };
	},
};
