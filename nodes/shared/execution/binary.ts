import type { IBinaryData, IExecuteFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { fileNameFor, type FileTypeInfo } from '../fileTypes';
import { fileMultipart, type MultipartBody } from '../multipart';
import type { ByteStream } from '../transport/http';
import { inputError, stringParam } from './input';

interface BinaryInput {
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

/**
 * Hands a download (the Node.js Readable the client built from n8n's request helper) to n8n's
 * binary store: in filesystem mode it is written to disk as it arrives.
 */
export async function storeDownload(
	ctx: IExecuteFunctions | IWebhookFunctions,
	stream: ByteStream,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	type Storable = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];
	return await ctx.helpers.prepareBinaryData(stream as unknown as Storable, fileName, mimeType);
}

/** A parameter naming the item's binary field that holds a file to upload (`binaryPropertyName` unless `name` says otherwise). */
export function inputBinaryFieldProperty(description: string, name = 'binaryPropertyName', displayName = 'Input Binary Field'): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: 'data', description };
}

/** The parameter naming the binary field a download is put in. */
export function outputFileFieldProperty(description = 'Name of the binary field to put the file in'): INodeProperties {
	return { displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', required: true, default: 'data', description };
}

/** An item's file, checked, as a multipart body ready to upload. */
export interface FileUpload {
	multipart: MultipartBody;
	fileName: string;
	size: number;
}

/**
 * An item's binary file from the binary field named by parameter `param`, checked by `check`
 * (content and size, before any request; it throws naming `param`), as a multipart body ready to
 * upload. The file name carries the extension of what the file really is (`kind` when it has no
 * name); a file `check` cannot type keeps its own name and content type.
 */
export async function readFileUpload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	param: string,
	upload: { what: string; kind: string; check(bytes: Buffer, field: string, fileName?: string): FileTypeInfo | undefined },
): Promise<FileUpload> {
	const property = stringParam(ctx, itemIndex, param);
	const file = await readBinaryInput(ctx, itemIndex, property, param, upload.what);
	const info = upload.check(file.bytes, param, file.fileName);
	const fileName = info ? fileNameFor(info, file.fileName, upload.kind) : file.fileName || 'file';
	const contentType = info?.mimeType ?? (file.mimeType || 'application/octet-stream');
	return { multipart: await fileMultipart(file.bytes, fileName, contentType), fileName, size: file.bytes.length };
}
