// The account avatar of Create and Update: a media_id, or the item's image uploaded first.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionParam, stringParam } from '../../../shared/execution/input';
import { inputBinaryFieldProperty } from '../../../shared/execution/binary';
import { readWeComMediaUpload, uploadChecked, type WeComMediaUpload } from '../../execution/media';
import type { WeComClient } from '../../client/WeComClient';

const SOURCES = ['mediaId', 'binary', 'keep'] as const;
type AvatarSource = (typeof SOURCES)[number];

const MEDIA_ID_OPTION = { name: 'Media ID', value: 'mediaId', description: 'The media_id of an image uploaded with Media → Upload' };
const BINARY_OPTION = {
	name: 'Binary File',
	value: 'binary',
	description: 'Upload the item’s image first (temporary media), then use its media_id',
};

/** Avatar Source and its fields; `keep` adds "Keep Current" (Update) and makes it the default. */
export function avatarProperties(keep: boolean): INodeProperties[] {
	const source: INodeProperties = keep
		? {
				displayName: 'Avatar Source',
				name: 'avatarSource',
				type: 'options',
				options: [{ name: 'Keep Current', value: 'keep', description: 'Leave the avatar as it is' }, MEDIA_ID_OPTION, BINARY_OPTION],
				default: 'keep',
			}
		: { displayName: 'Avatar Source', name: 'avatarSource', type: 'options', options: [MEDIA_ID_OPTION, BINARY_OPTION], default: 'mediaId' };
	return [
		source,
		{
			displayName: 'Avatar Media ID',
			name: 'avatarMediaId',
			type: 'string',
			required: true,
			default: '',
			description: 'The media_id of the avatar image (temporary media of type image, kept 3 days)',
			displayOptions: { show: { avatarSource: ['mediaId'] } },
		},
		{
			...inputBinaryFieldProperty('Name of the binary field holding the avatar: a JPEG or PNG of at most 10 MB'),
			displayOptions: { show: { avatarSource: ['binary'] } },
		},
	];
}

/** The avatar as read before any request: a media_id, a checked file to upload, or nothing (keep). */
export type AvatarInput = { mediaId: string } | { upload: WeComMediaUpload } | undefined;

export async function readAvatar(ctx: IExecuteFunctions, itemIndex: number, keep: boolean): Promise<AvatarInput> {
	const source: AvatarSource = optionParam(ctx, itemIndex, 'avatarSource', keep ? SOURCES : SOURCES.slice(0, 2), keep ? 'keep' : 'mediaId');
	if (source === 'keep') return undefined;
	if (source === 'mediaId') return { mediaId: stringParam(ctx, itemIndex, 'avatarMediaId') };
	return { upload: await readWeComMediaUpload(ctx, itemIndex, 'image', 'binaryPropertyName') };
}

/** The avatar's media_id, uploading the file first when there is one. */
export async function avatarMediaId(client: WeComClient, avatar: NonNullable<AvatarInput>): Promise<string> {
	return 'mediaId' in avatar ? avatar.mediaId : await uploadChecked(client, avatar.upload);
}
