import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBinaryInput } from '../../shared/execution/binary';
import { stringParam } from '../../shared/execution/input';
import { fileNameFor } from '../../shared/fileTypes';
import { fileMultipart, type MultipartBody } from '../../shared/multipart';
import { uploadWeComMedia, validateWeComMedia, type WeComMediaType } from '../client/media';
import type { WeComClient } from '../client/WeComClient';

/** An item's file, checked, ready to upload as WeCom temporary media. */
export interface WeComMediaUpload {
	type: WeComMediaType;
	multipart: MultipartBody;
	fileName: string;
	size: number;
}

/**
 * An item's binary file as temporary media of `type`, from the binary field named by parameter
 * `param`: checked by content and size before any request, as a multipart body ready to upload
 * (the file name carries the extension of what the file really is; a `file` keeps its own name).
 */
export async function readWeComMediaUpload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: WeComMediaType,
	param: string,
): Promise<WeComMediaUpload> {
	const property = stringParam(ctx, itemIndex, param);
	const file = await readBinaryInput(ctx, itemIndex, property, param, `the ${type === 'file' ? '' : `${type} `}file`);
	const info = validateWeComMedia(type, file.bytes, param, file.fileName);
	const fileName = info ? fileNameFor(info, file.fileName, type) : file.fileName || 'file';
	const contentType = info?.mimeType ?? (file.mimeType || 'application/octet-stream');
	return { type, multipart: await fileMultipart(file.bytes, fileName, contentType), fileName, size: file.bytes.length };
}

/** Uploads a checked file; its media_id. */
export async function uploadChecked(client: WeComClient, upload: WeComMediaUpload): Promise<string> {
	return (await uploadWeComMedia(client, upload.type, upload.multipart)).media_id;
}

/** A parameter naming the item's binary field that holds a file to upload (`binaryPropertyName` unless `name` says otherwise). */
export function inputBinaryFieldProperty(description: string, name = 'binaryPropertyName', displayName = 'Input Binary Field'): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: 'data', description };
}
