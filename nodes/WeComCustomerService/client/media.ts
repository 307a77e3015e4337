// WeCom temporary media (media/upload, media/get): WeCom's limits and the shapes of its answers.
// Pure functions: they throw WeChatInputError (field + problem) before anything is sent.
import { WeChatTransportError } from '../../shared/transport/errors';
import type { FileTypeInfo } from '../../shared/fileTypes';
import { checkMediaFile, describeDownload, type DownloadedMedia, type MediaRule } from '../../shared/media';
import type { MultipartBody } from '../../shared/multipart';
import type { DownloadAnswer, WeChatResult } from '../../shared/client/WeChatClient';
import type { WeComClient } from './WeComClient';
import { WECOM_CALLS } from './calls';

const MEDIA_UPLOAD_PATH = WECOM_CALLS.uploadMedia.path;
const MEDIA_GET_PATH = WECOM_CALLS.getMedia.path;

export const WECOM_MEDIA_TYPES = ['image', 'voice', 'video', 'file'] as const;
export type WeComMediaType = (typeof WECOM_MEDIA_TYPES)[number];

const MB = 1024 * 1024;
/** WeCom refuses files of 5 bytes or fewer. */
const MIN_BYTES = 6;

/** WeCom's limits for temporary media, in binary units (10 MB = 10,485,760 bytes). */
export const WECOM_MEDIA_RULES: Record<WeComMediaType, MediaRule> = {
	image: { noun: 'an image', kinds: ['jpeg', 'png'], minBytes: MIN_BYTES, maxBytes: 10 * MB, limit: '10 MB' },
	voice: { noun: 'a voice clip', kinds: ['amr'], minBytes: MIN_BYTES, maxBytes: 2 * MB, limit: '2 MB' },
	video: { noun: 'a video', kinds: ['mp4'], minBytes: MIN_BYTES, maxBytes: 10 * MB, limit: '10 MB' },
	file: { noun: 'a file', kinds: 'any', minBytes: MIN_BYTES, maxBytes: 20 * MB, limit: '20 MB' },
};

/** Checks a file for `type` by its content and size, as WeCom will; `field` is the binary property the user named. */
export function validateWeComMedia(type: WeComMediaType, buf: Buffer, field: string, fileName?: string): FileTypeInfo | undefined {
	return checkMediaFile('WeCom', type, WECOM_MEDIA_RULES[type], buf, field, fileName);
}

export interface UploadedWeComMedia {
	media_id: string;
	type: WeComMediaType;
	/** Unix seconds (WeCom answers it as a string). */
	created_at: number;
}

/**
 * POST multipart /cgi-bin/media/upload?type=…. An upload is a write: never repeated on a busy
 * answer or a timeout (the client then says that WeCom may have stored the file).
 */
export async function uploadWeComMedia(client: WeComClient, type: WeComMediaType, multipart: MultipartBody): Promise<UploadedWeComMedia> {
	const answer = await client.call<WeChatResult & { media_id?: unknown; created_at?: unknown }>({
		method: 'POST',
		path: MEDIA_UPLOAD_PATH,
		kind: 'write',
		query: { type },
		multipart,
	});
	if (typeof answer.media_id !== 'string' || !answer.media_id) {
		throw new WeChatTransportError(
			'invalidResponse',
			MEDIA_UPLOAD_PATH,
			`${MEDIA_UPLOAD_PATH} answered without a media_id: ${JSON.stringify(answer).slice(0, 120)}`,
		);
	}
	const created = Number(answer.created_at);
	return { media_id: answer.media_id, type, created_at: Number.isFinite(created) ? created : 0 };
}

/**
 * GET /cgi-bin/media/get?media_id=…: the file as a stream. An error answer is JSON whatever its
 * Content-Type (40007 for an unknown or expired media_id) and becomes the WeChatApiError it is.
 */
export async function downloadWeComMedia(client: WeComClient, mediaId: string): Promise<DownloadedMedia> {
	const answer = await client.call<WeChatResult & { file?: DownloadAnswer }>({
		method: 'GET',
		path: MEDIA_GET_PATH,
		kind: 'read',
		query: { media_id: mediaId },
		download: true,
	});
	const stream = answer.file?.stream;
	if (answer.file && stream) return describeDownload({ ...answer.file, stream }, MEDIA_GET_PATH, `media-${mediaId.slice(0, 8)}`);
	throw new WeChatTransportError(
		'invalidResponse',
		MEDIA_GET_PATH,
		`${MEDIA_GET_PATH} answered JSON without a file: ${JSON.stringify(answer).slice(0, 120)}`,
	);
}
