import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import { outputFileFieldProperty, storeDownload } from '../../../shared/execution/binary';
import { stringParam } from '../../../shared/execution/input';
import type { OperationDefinition } from '../../execution/types';
import { optionsCollection } from '../../../shared/execution/parameters';

/**
 * WeChat names the file by its 64-character media_id (`<media_id>.jpg`): such a name becomes
 * `media-<first 8 characters>.jpg`, short enough to read in the binary view and in a saved file
 * name; any other name WeChat gives is kept.
 */
export function mediaFileName(mediaId: string, fileName: string): string {
	if (!mediaId || !fileName.startsWith(mediaId)) return fileName;
	return `media-${mediaId.slice(0, 8)}${fileName.slice(mediaId.length)}`;
}

export const downloadMedia: OperationDefinition = {
	option: {
		name: 'Download',
		value: 'download',
		action: 'Download a media file',
		description:
			'Fetch temporary media as binary data by media_id, e.g. the image, voice or video a customer sent (media/get; a video is fetched from its video_url)',
	},
	api: `${apiLine(KF_CALLS.getMedia)} (a video: then GET video_url)`,
	properties: [
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.MediaId }}',
			description:
				'The media_id from Media → Upload, or the MediaId (or ThumbMediaId) of a customer’s image, voice or video message. WeChat keeps temporary media for 3 days.',
		},
		outputFileFieldProperty(),
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const mediaId = stringParam(this, itemIndex, 'mediaId');
		const property = stringParam(this, itemIndex, 'binaryPropertyName');
		const file = await client.downloadMedia(mediaId);
		// A stream: in filesystem mode n8n writes it to disk as it arrives.
		const fileName = mediaFileName(mediaId, file.fileName);
		const binary = await storeDownload(this, file.stream, fileName, file.mimeType);
		return [
			{
				json: {
					media_id: mediaId,
					file_name: binary.fileName ?? fileName,
					mime_type: file.mimeType,
					file_size: binary.bytes ?? null,
					...(file.video_url ? { video_url: file.video_url } : {}),
				},
				binary: { [property]: binary },
			},
		];
	},
};
