import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { validateMedia, type MediaType } from '../client/media';
import { fileNameFor } from '../../shared/fileTypes';
import { fileMultipart, type MultipartBody } from '../../shared/multipart';
import { inputError, stringParam } from '../../shared/execution/input';
import type { ByteStream } from '../../shared/transport/http';

export interface BinaryInput {
	bytes: Buffer;
	fileName?: string;
	mimeType?: string;
}

/**
 * The bytes of binary field `property` of item `itemIndex` (memory or filesystem mode alike).
 * A missing field is an input error naming the fields the item has and the parameter to change
 * (`label`, e.g. "Input Binary Field") that should hold `what` (e.g. "the JPEG").
 */
export async function readBinaryInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	label: string,
	what: string,
): Promise<BinaryInput> {
	const item = ctx.getInputData()[itemIndex];
	if (!item?.binary?.[property]) {
		const present = Object.keys(item?.binary ?? {});
		throw inputError(
			label,
			`names "${property}", which is not a binary field of this item (${present.length ? `it has: ${present.join(', ')}` : 'it has no binary data'}); set it to the field holding ${what}`,
		);
	}
	const meta = ctx.helpers.assertBinaryData(itemIndex, property);
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	return { bytes, fileName: meta.fileName, mimeType: meta.mimeType };
}

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

/**
 * Hands a download (the Node.js Readable the client built from n8n's request helper) to n8n's
 * binary store: in filesystem mode it is written to disk as it arrives.
 */
export async function storeDownload(
	ctx: IExecuteFunctions,
	stream: ByteStream,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	type Storable = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];
	return await ctx.helpers.prepareBinaryData(stream as unknown as Storable, fileName, mimeType);
}
