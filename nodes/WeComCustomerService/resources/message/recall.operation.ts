import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { recallMessage } from '../../client/messages';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId } from '../shared';

export const recallMessageOperation: OperationDefinition = {
	option: {
		name: 'Recall',
		value: 'recall',
		action: 'Recall a message',
		description:
			'Take back a message the account sent through the API, within 2 minutes of sending; it still counts toward the 5 messages (kf/recall_msg)',
	},
	api: apiLine(WECOM_CALLS.recallMessage),
	outcome: {
		[WECOM_CALLS.recallMessage.path]: { done: 'recalled the message', then: 'running it again is refused (40058 invalid msgid) if it was recalled' },
	},
	properties: [
		openKfIdProperty({ description: 'The 微信客服 account that sent the message (its open_kfid)' }),
		{
			displayName: 'Message ID',
			name: 'msgid',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.msgid }}',
			description: 'The msgid that Message → Send output',
		},
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		const msgid = stringParam(this, itemIndex, 'msgid');
		await recallMessage(client, openKfId, msgid);
		return { success: true, open_kfid: openKfId, msgid };
	},
};
