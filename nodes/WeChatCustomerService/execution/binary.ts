import type { IExecuteFunctions } from 'n8n-workflow';

import { validateMedia, type MediaType } from '../client/media';
import { fileNameFor } from '../../shared/fileTypes';
import { fileMultipart, type MultipartBody } from '../../shared/multipart';
import { stringParam } from '../../shared/execution/input';
import { readBinaryInput } from '../../shared/execution/binary';


export interface MediaUpload {
	type: MediaType;
	multipart: MultipartBody;
	fileName: string;
	size: number;
}

/**
 * An item's binary file as temporary media of `type`, from the binary field named by parameter
 * `param`: checked by content and size before any request, as a multipart body ready to upload
 * (the file name carries the extension of what the file really is).
 */
export async function readMediaUpload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: MediaType,
	param: string,
): Promise<MediaUpload> {
	const property = stringParam(ctx, itemIndex, param);
	const file = await readBinaryInput(ctx, itemIndex, property, param, `the ${type === 'thumb' ? 'thumbnail' : type} file`);
	const info = validateMedia(type, file.bytes, param, file.fileName);
	const fileName = fileNameFor(info, file.fileName, type);
	return { type, multipart: await fileMultipart(file.bytes, fileName, info.mimeType), fileName, size: file.bytes.length };
}
