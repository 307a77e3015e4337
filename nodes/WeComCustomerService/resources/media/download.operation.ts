import { outputFileFieldProperty, storeDownload } from '../../../shared/execution/binary';
import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { downloadWeComMedia } from '../../client/media';
import type { OperationDefinition } from '../../execution/types';

export const downloadMedia: OperationDefinition = {
	option: {
		name: 'Download',
		value: 'download',
		action: 'Download a media file',
		description: 'Fetch temporary media as binary data by media_id, e.g. the image, voice, video or file a customer sent (media/get)',
	},
	api: apiLine(WECOM_CALLS.getMedia),
	properties: [
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.image.media_id }}',
			description:
				'The media_id from Media → Upload, or the media_id of a customer’s image, voice, video or file message. WeCom keeps temporary media for 3 days.',
		},
		outputFileFieldProperty(),
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const mediaId = stringParam(this, itemIndex, 'mediaId');
		const property = stringParam(this, itemIndex, 'binaryPropertyName');
		const file = await downloadWeComMedia(client, mediaId);
		// A stream: in filesystem mode n8n writes it to disk as it arrives.
		const binary = await storeDownload(this, file.stream, file.fileName, file.mimeType);
		return [
			{
				json: { media_id: mediaId, file_name: binary.fileName ?? file.fileName, mime_type: file.mimeType, file_size: binary.bytes ?? null },
				binary: { [property]: binary },
			},
		];
	},
};
