import type { OperationDefinition } from '../../execution/types';
import { inputError } from '../../execution/input';
import { MESSAGE_TYPES, type MessageType } from '../../client/messages';
import { messageProperties, readPayload } from './fields';
import { kfAccountProperty, openidProperty, optionsCollection, readKfAccount, readOpenid } from '../shared';

export const sendMessage: OperationDefinition = {
	option: {
		name: 'Send',
		value: 'send',
		action: 'Send a message',
		description:
			'Send a customer-service message to a customer who wrote within the last 48 hours, optionally as a given agent (message/custom/send)',
	},
	api: 'POST /cgi-bin/message/custom/send',
	properties: [
		openidProperty,
		...messageProperties(),
		kfAccountProperty('sendAs'),
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const openid = readOpenid(this, itemIndex);
		const messageType = this.getNodeParameter('messageType', itemIndex, 'text') as MessageType;
		if (!MESSAGE_TYPES.includes(messageType)) {
			throw inputError(this, itemIndex, 'messageType', `must be one of ${MESSAGE_TYPES.join(', ')}, got "${messageType}"`);
		}
		const payload = readPayload(this, itemIndex, messageType);
		const kfAccount = readKfAccount(this, itemIndex, true);
		await client.sendMessage({ touser: openid, msgtype: messageType, payload, kfAccount });
		return {
			success: true,
			openid,
			msgtype: messageType,
			...(kfAccount ? { kf_account: kfAccount } : {}),
		};
	},
};
