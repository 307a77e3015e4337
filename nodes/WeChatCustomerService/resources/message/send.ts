import type { OperationDefinition } from '../../actions/types';
import { inputError } from '../../actions/input';
import { MESSAGE_TYPES, type MessageType } from '../../client/messages';
import { openidProperty, readOpenid } from '../session/shared';
import { optionsCollection, readKfAccount } from '../shared';
import { messageProperties, readPayload } from './fields';

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
		{
			displayName: 'Send as Agent',
			name: 'kfAccount',
			type: 'string',
			default: '',
			placeholder: 'e.g. alice@my_official_account',
			description:
				'Optional full account of the agent to send as (their nickname and avatar are shown); empty sends as the Official Account',
		},
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
