import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionParam } from '../../../shared/execution/input';
import { MEDIA_TYPES, type MediaType } from '../../client/media';

/** The Media Type parameter: what the file is, with WeChat's limits for each. */
export const mediaTypeProperty: INodeProperties = {
	displayName: 'Media Type',
	name: 'mediaType',
	type: 'options',
	options: [
		{ name: 'Image', value: 'image', description: 'JPEG, PNG or GIF, at most 10 MB' },
		{ name: 'Thumbnail', value: 'thumb', description: 'JPEG, at most 64 KB (the thumbnail of a video or music message)' },
		{ name: 'Video', value: 'video', description: 'MP4, at most 10 MB' },
		{ name: 'Voice', value: 'voice', description: 'AMR or MP3, at most 2 MB; WeChat also wants it at most 60 seconds long' },
	],
	default: 'image',
	description:
		'What the file is. The node checks the content (not the file name) and the size before uploading; WeChat also wants a voice clip to last at most 60 seconds, which only WeChat checks.',
};

export function readMediaType(ctx: IExecuteFunctions, itemIndex: number): MediaType {
	return optionParam(ctx, itemIndex, 'mediaType', MEDIA_TYPES, 'image');
}
