import type { ResourceDefinition } from '../../execution/types';
import { downloadAvatar } from './download.operation';
import { uploadAvatar } from './upload.operation';

export const avatarResource: ResourceDefinition = {
	option: { name: 'Avatar', value: 'avatar', description: 'Upload and download customer-service account avatars' },
	defaultOperation: 'upload',
	operations: [downloadAvatar, uploadAvatar],
};
