import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { IExecuteFunctions } from 'n8n-workflow';

import { readMediaUpload, type MediaUpload } from '../../execution/binary';
import type { OperationDefinition } from '../../execution/types';
import type { MediaType } from '../../client/media';
import { optionParam } from '../../../shared/execution/input';
import { MESSAGE_TYPES, type MessageType } from '../../client/messages';
import { MEDIA_SOURCE_TYPES, messageProperties, readPayload } from './messageFields';
import { kfAccountProperty, openidProperty, readKfAccount, readOpenid, MEDIA_UPLOAD_OUTCOME } from '../shared';
import { optionsCollection } from '../../../shared/execution/parameters';

type PendingUpload = MediaUpload & { key: 'media_id' | 'thumb_media_id' };

/** With Media Source "Binary File": the item's file (and a video's thumbnail), checked, ready to upload. */
async function readUploads(ctx: IExecuteFunctions, itemIndex: number, messageType: MessageType): Promise<PendingUpload[]> {
	if (!MEDIA_SOURCE_TYPES.includes(messageType)) return [];
	const source = optionParam(ctx, itemIndex, 'mediaSource', ['mediaId', 'binary'], 'mediaId', 'mediaId or binary');
	if (source === 'mediaId') return [];
	const uploads: PendingUpload[] = [
		{ key: 'media_id', ...(await readMediaUpload(ctx, itemIndex, messageType as MediaType, 'binaryPropertyName')) },
	];
	if (messageType === 'video') {
		uploads.push({ key: 'thumb_media_id', ...(await readMediaUpload(ctx, itemIndex, 'thumb', 'thumbBinaryPropertyName')) });
	}
	return uploads;
}

export const sendMessage: OperationDefinition = {
	option: {
		name: 'Send',
		value: 'send',
		action: 'Send a message',
		description:
			'Send a customer-service message to a customer who wrote within the last 48 hours, optionally as a given agent (message/custom/send)',
	},
	api: apiLine(KF_CALLS.sendMessage),
	outcome: {
		[KF_CALLS.uploadMedia.path]: MEDIA_UPLOAD_OUTCOME,
		[KF_CALLS.sendMessage.path]: { done: 'sent the message', then: 'check with Record → Get Many before sending it again' },
	},
	properties: [
		openidProperty,
		...messageProperties(),
		kfAccountProperty('sendAs'),
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const openid = readOpenid(this, itemIndex);
		const messageType = optionParam(this, itemIndex, 'messageType', MESSAGE_TYPES, 'text');
		const uploads = await readUploads(this, itemIndex, messageType);
		const payload = readPayload(this, itemIndex, messageType, uploads.map((u) => u.key));
		const kfAccount = readKfAccount(this, itemIndex, true);
		// Everything is checked before the first upload; a failed upload sends nothing.
		const used: Record<string, string> = {};
		for (const upload of uploads) {
			used[upload.key] = (await client.uploadMedia(upload.type, upload.multipart)).media_id;
			payload[upload.key] = used[upload.key];
		}
		await client.sendMessage({ touser: openid, msgtype: messageType, payload, kfAccount });
		return {
			success: true,
			openid,
			msgtype: messageType,
			...(kfAccount ? { kf_account: kfAccount } : {}),
			...used,
		};
	},
};
