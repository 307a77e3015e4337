import type { INodeProperties } from 'n8n-workflow';

import { optionParam } from '../../../shared/execution/input';
import { optionsCollection, workflowTimeFormatter } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { WECOM_MEDIA_TYPES, uploadWeComMedia } from '../../client/media';
import { inputBinaryFieldProperty } from '../../../shared/execution/binary';
import { readWeComMediaUpload } from '../../execution/media';
import type { OperationDefinition } from '../../execution/types';

/** The Media Type parameter: what the file is, with WeCom's limits for each. */
const mediaTypeProperty: INodeProperties = {
	displayName: 'Media Type',
	name: 'mediaType',
	type: 'options',
	options: [
		{ name: 'File', value: 'file', description: 'Any file of more than 5 bytes, at most 20 MB' },
		{ name: 'Image', value: 'image', description: 'JPEG or PNG, at most 10 MB' },
		{ name: 'Video', value: 'video', description: 'MP4, at most 10 MB' },
		{ name: 'Voice', value: 'voice', description: 'AMR, at most 2 MB; WeCom also wants it at most 60 seconds long' },
	],
	default: 'image',
	description:
		'What the file is. The node checks the content (not the file name) and the size before uploading; WeCom also wants a voice clip to last at most 60 seconds, which only WeCom checks.',
};

export const uploadMedia: OperationDefinition = {
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload a media file',
		description:
			'Upload an image, voice clip, video or file as temporary media (kept 3 days) and get the media_id that messages and account avatars need (media/upload)',
	},
	api: apiLine(WECOM_CALLS.uploadMedia),
	outcome: {
		[WECOM_CALLS.uploadMedia.path]: { done: 'stored the file', then: 'uploading it again does no harm: temporary media expire after 3 days' },
	},
	properties: [
		mediaTypeProperty,
		inputBinaryFieldProperty('Name of the binary field holding the file'),
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const type = optionParam(this, itemIndex, 'mediaType', WECOM_MEDIA_TYPES, 'image');
		const zone = workflowTimeFormatter(this);
		const upload = await readWeComMediaUpload(this, itemIndex, type, 'binaryPropertyName');
		const media = await uploadWeComMedia(client, type, upload.multipart);
		return {
			media_id: media.media_id,
			type: media.type,
			file_name: upload.fileName,
			file_size: upload.size,
			created_at: media.created_at,
			created_at_iso: zone.iso(media.created_at),
		};
	},
};
