import type { ResourceDefinition } from '../../execution/types';
import { downloadMedia } from './download.operation';
import { uploadMedia } from './upload.operation';

export const mediaResource: ResourceDefinition = {
	option: {
		name: 'Media',
		value: 'media',
		description: 'Upload files as temporary media (media_id for messages and avatars) and download what customers send',
	},
	defaultOperation: 'upload',
	operations: [downloadMedia, uploadMedia],
};
