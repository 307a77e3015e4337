import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import { readMediaUpload } from '../../execution/binary';
import type { OperationDefinition } from '../../execution/types';
import { MEDIA_UPLOAD_OUTCOME } from '../shared';
import { optionsCollection, workflowTimeFormatter } from '../../../shared/execution/parameters';
import { mediaTypeProperty, readMediaType } from './shared';
import { inputBinaryFieldProperty } from '../../../shared/execution/binary';

export const uploadMedia: OperationDefinition = {
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload a media file',
		description:
			'Upload an image, voice clip, video or thumbnail as temporary media (kept 3 days) and get the media_id that image, voice and video messages need (media/upload)',
	},
	api: apiLine(KF_CALLS.uploadMedia),
	outcome: { [KF_CALLS.uploadMedia.path]: MEDIA_UPLOAD_OUTCOME },
	properties: [
		mediaTypeProperty,
		inputBinaryFieldProperty('Name of the binary field holding the file'),
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const type = readMediaType(this, itemIndex);
		const zone = workflowTimeFormatter(this);
		const upload = await readMediaUpload(this, itemIndex, type, 'binaryPropertyName');
		const media = await client.uploadMedia(type, upload.multipart);
		return {
			media_id: media.media_id,
			type: media.type,
			created_at: media.created_at,
			created_at_iso: zone.iso(media.created_at),
			...(media.thumb_media_id ? { thumb_media_id: media.thumb_media_id } : {}),
		};
	},
};
