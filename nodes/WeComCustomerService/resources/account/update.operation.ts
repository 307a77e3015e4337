import { inputError, stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { checkAccountName, updateAccount, type AccountChange } from '../../client/accounts';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId } from '../shared';
import { avatarMediaId, avatarProperties, readAvatar } from './avatar';
import { accountNameProperty } from './name';

export const updateAccountOperation: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an account',
		description: 'Change the name or avatar of a 微信客服 account this app may manage (kf/account/update)',
	},
	api: `${apiLine(WECOM_CALLS.updateAccount)} (an avatar file: media/upload first)`,
	outcome: {
		[WECOM_CALLS.updateAccount.path]: { done: 'changed the account', then: 'check with Account → Get Many before running it again' },
		[WECOM_CALLS.uploadMedia.path]: { done: 'stored the file', then: 'uploading it again does no harm: temporary media expire after 3 days' },
	},
	properties: [
		openKfIdProperty(),
		{ ...accountNameProperty, description: `${accountNameProperty.description}; empty keeps the current name` },
		...avatarProperties(true),
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		const rawName = stringParam(this, itemIndex, 'name', { optional: true });
		const name = rawName ? checkAccountName('name', rawName) : undefined;
		const avatar = await readAvatar(this, itemIndex, true);
		if (name === undefined && !avatar) throw inputError('name', 'is empty and Avatar Source is "Keep Current": there is nothing to update');
		const change: AccountChange = { open_kfid: openKfId };
		if (name !== undefined) change.name = name;
		if (avatar) change.media_id = await avatarMediaId(client, avatar);
		await updateAccount(client, change);
		return { success: true, ...change };
	},
};
