import type { IExecuteFunctions } from 'n8n-workflow';

import { readFileUpload, type FileUpload } from '../../shared/execution/binary';
import { validateMedia, type MediaType } from '../client/media';

export interface MediaUpload extends FileUpload {
	type: MediaType;
}

/** An item's binary file as temporary media of `type`, checked before any request (see readFileUpload). */
export async function readMediaUpload(ctx: IExecuteFunctions, itemIndex: number, type: MediaType, param: string): Promise<MediaUpload> {
	const upload = await readFileUpload(ctx, itemIndex, param, {
		what: `the ${type === 'thumb' ? 'thumbnail' : type} file`,
		kind: type,
		check: (bytes, field, fileName) => validateMedia(type, bytes, field, fileName),
	});
	return { type, ...upload };
}
