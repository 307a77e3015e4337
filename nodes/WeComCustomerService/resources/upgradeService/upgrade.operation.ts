import { optionParam, stringParam, inputError } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { upgradeService, type UpgradeTarget } from '../../client/upgrade';
import type { OperationDefinition } from '../../execution/types';
import { USERID_PATTERN, externalUserIdProperty, openKfIdProperty, readExternalUserId, readOpenKfId } from '../shared';

const USERID = new RegExp(`^${USERID_PATTERN}$`);

export const upgradeCustomer: OperationDefinition = {
	option: {
		name: 'Upgrade',
		value: 'upgrade',
		action: 'Upgrade a customer',
		description:
			'Offer the customer, in the 微信客服 chat, a member to add as a WeCom contact or a customer group chat to join, with your wording; within the ranges of Get Config (kf/customer/upgrade_service)',
	},
	api: apiLine(WECOM_CALLS.upgradeService),
	outcome: {
		[WECOM_CALLS.upgradeService.path]: { done: 'offered the customer the upgrade', then: 'running it again replaces the pending offer, or cancel it with Upgrade Service → Cancel' },
	},
	properties: [
		openKfIdProperty(),
		externalUserIdProperty,
		{
			displayName: 'Upgrade To',
			name: 'upgradeType',
			type: 'options',
			default: 'member',
			options: [
				{ name: 'Member', value: 'member', description: 'A WeCom member the customer adds as a contact (type 1)' },
				{ name: 'Customer Group Chat', value: 'groupChat', description: 'A customer group chat the customer joins (type 2)' },
			],
		},
		{
			displayName: 'Member User ID',
			name: 'memberUserId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. zhangsan',
			displayOptions: { show: { upgradeType: ['member'] } },
			description: 'The member’s userid; they must be in the member range of Get Config',
		},
		{
			displayName: 'Group Chat ID',
			name: 'chatId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA',
			displayOptions: { show: { upgradeType: ['groupChat'] } },
			description: 'The customer group chat’s chat_id; it must be in the group range of Get Config',
		},
		{
			displayName: 'Wording',
			name: 'wording',
			type: 'string',
			default: '',
			description: 'The recommendation shown to the customer with the card, e.g. why to add this contact or join this group',
		},
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const session = { open_kfid: readOpenKfId(this, itemIndex), external_userid: readExternalUserId(this, itemIndex) };
		const type = optionParam(this, itemIndex, 'upgradeType', ['member', 'groupChat'], 'member', '"member" or "groupChat"');
		const wording = stringParam(this, itemIndex, 'wording', { optional: true });
		let target: UpgradeTarget;
		if (type === 'member') {
			const userid = stringParam(this, itemIndex, 'memberUserId');
			if (!USERID.test(userid)) throw inputError('memberUserId', `must be a WeCom userid (letters, digits, _ . @ and -, at most 64), got "${userid}"`);
			target = { type, userid, wording };
		} else {
			target = { type, chatId: stringParam(this, itemIndex, 'chatId'), wording };
		}
		return await upgradeService(client, session, target);
	},
};
