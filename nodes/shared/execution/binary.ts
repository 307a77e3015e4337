import type { IBinaryData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { ByteStream } from '../transport/http';
import { inputError } from './input';

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
