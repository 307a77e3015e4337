import { optionParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { SEND_TYPES, sendMessage } from '../../client/messages';
import { uploadChecked } from '../../execution/media';
import type { OperationDefinition } from '../../execution/types';
import { externalUserIdProperty, openKfIdProperty, readExternalUserId, readOpenKfId } from '../shared';
import { messageProperties, readMessage } from './fields';
import { msgidOption, readMsgid } from './msgid';

export const sendMessageOperation: OperationDefinition = {
	option: {
		name: 'Send',
		value: 'send',
		action: 'Send a message',
		description:
			'Send a message from an account to a customer: within 48 hours of their last message, at most 5 per customer message, while the session is new or with the API/assistant (kf/send_msg)',
	},
	api: `${apiLine(WECOM_CALLS.sendMessage)} (a binary file: media/upload first)`,
	outcome: {
		[WECOM_CALLS.sendMessage.path]: { done: 'sent the message', then: 'the API’s own sends do not come back through sync_msg, so check the chat in WeCom before sending again; with a Message ID set, a repeat is refused (40058) instead of sent twice' },
		[WECOM_CALLS.uploadMedia.path]: { done: 'stored the file', then: 'uploading it again does no harm: temporary media expire after 3 days' },
	},
	properties: [
		openKfIdProperty({ description: 'The 微信客服 account that sends (its open_kfid)' }),
		externalUserIdProperty,
		...messageProperties(SEND_TYPES),
		optionsCollection([msgidOption]),
	],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		const touser = readExternalUserId(this, itemIndex);
		const msgtype = optionParam(this, itemIndex, 'messageType', SEND_TYPES, 'text');
		const { payload, upload } = await readMessage(this, itemIndex, msgtype);
		const msgid = readMsgid(this, itemIndex);
		// Everything is checked before the upload; a failed upload sends nothing.
		const uploaded = upload ? { [upload.key]: await uploadChecked(client, upload) } : {};
		Object.assign(payload, uploaded);
		const sent = await sendMessage(client, touser, openKfId, { msgtype, payload, msgid });
		return { msgid: sent, open_kfid: openKfId, external_userid: touser, msgtype, ...uploaded };
	},
};
