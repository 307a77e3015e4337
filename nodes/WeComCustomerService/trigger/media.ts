import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import type { DownloadAnswer, WeChatResult } from '../../shared/client/WeChatClient';
import { storeDownload } from '../../shared/execution/binary';
import { credentialTestMessage } from '../../shared/errors';
import { WeChatTransportError } from '../../shared/transport/errors';
import { fileTypeByMime, mimeTypeOf, sniffFileType } from '../../shared/fileTypes';
import { ORIGIN_CODES, type KfMessage } from '../client/sync';
import type { WeComClient } from '../client/WeComClient';
import { WECOM_CALLS } from '../client/calls';

const MEDIA_GET_PATH = WECOM_CALLS.getMedia.path;
const MEDIA_TYPES = new Set(['image', 'voice', 'video', 'file']);
export const MEDIA_PROPERTY = 'data';

function contentType(file: DownloadAnswer): string | undefined {
	const value = file.headers['content-type'];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * The item of `m`, with the customer's image, voice, video or file in binary property "data"
 * (media/get, streamed into n8n's binary store). A download that fails does not lose the message:
 * the item comes without the file and with `media_error` saying why.
 */
export async function withMedia(ctx: IWebhookFunctions, client: WeComClient, m: KfMessage, json: IDataObject): Promise<INodeExecutionData> {
	const mediaId = (m[m.msgtype] as { media_id?: unknown } | undefined)?.media_id;
	if (m.origin !== ORIGIN_CODES.customer || !MEDIA_TYPES.has(m.msgtype) || typeof mediaId !== 'string' || !mediaId) return { json };
	try {
		const answer = await client.call<WeChatResult & { file?: DownloadAnswer }>({
			method: 'GET',
			path: MEDIA_GET_PATH,
			kind: 'read',
			query: { media_id: mediaId },
			download: true,
		});
		const file = answer.file;
		if (!file?.stream) throw new WeChatTransportError('invalidResponse', MEDIA_GET_PATH, 'media/get answered JSON without a file');
		const declared = mimeTypeOf(contentType(file));
		const sniffed = sniffFileType(file.head);
		const mimeType = declared && declared !== 'application/octet-stream' ? declared : (sniffed?.mimeType ?? 'application/octet-stream');
		const extension = sniffed?.extension ?? fileTypeByMime(mimeType)?.extension ?? 'bin';
		const binary = await storeDownload(ctx, file.stream, `${m.msgtype}-${m.msgid.slice(0, 8)}.${extension}`, mimeType);
		return { json, binary: { [MEDIA_PROPERTY]: binary } };
	} catch (error) {
		// The one-line wording (what happened, WeCom's words, what to do), without any secret.
		return { json: { ...json, media_error: credentialTestMessage(error, client.secrets) } };
	}
}
