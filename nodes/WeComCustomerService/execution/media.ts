import type { IExecuteFunctions } from 'n8n-workflow';

import { readFileUpload, type FileUpload } from '../../shared/execution/binary';
import { uploadWeComMedia, validateWeComMedia, type WeComMediaType } from '../client/media';
import type { WeComClient } from '../client/WeComClient';

/** An item's file, checked, ready to upload as WeCom temporary media. */
export interface WeComMediaUpload extends FileUpload {
	type: WeComMediaType;
}

/**
 * An item's binary file as temporary media of `type`, checked before any request (see
 * readFileUpload; a `file` keeps its own name).
 */
export async function readWeComMediaUpload(ctx: IExecuteFunctions, itemIndex: number, type: WeComMediaType, param: string): Promise<WeComMediaUpload> {
	const upload = await readFileUpload(ctx, itemIndex, param, {
		what: `the ${type === 'file' ? '' : `${type} `}file`,
		kind: type,
		check: (bytes, field, fileName) => validateWeComMedia(type, bytes, field, fileName),
	});
	return { type, ...upload };
}

/** Uploads a checked file; its media_id. */
export async function uploadChecked(client: WeComClient, upload: WeComMediaUpload): Promise<string> {
	return (await uploadWeComMedia(client, upload.type, upload.multipart)).media_id;
}
