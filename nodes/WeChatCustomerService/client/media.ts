// Temporary media (media/upload, media/get): WeChat's limits and the shapes of its answers.
// Pure functions: they throw WeChatInputError (field + problem) before anything is sent.
import type { ByteStream } from '../../shared/transport/http';
import { WeChatApiError, WeChatInputError } from '../../shared/errors';
import { WeChatTransportError } from '../../shared/transport/errors';
import { OFFICIAL_ACCOUNT_WORDING } from './hints';
import { KF_CALLS } from './calls';
import {
	describeContent,
	fileTypeByMime,
	fileTypeInfo,
	mimeTypeOf,
	sniffFileType,
	type FileKind,
	type FileTypeInfo,
} from '../../shared/fileTypes';
import type { MultipartBody } from '../../shared/multipart';
import type { DownloadAnswer, WeChatClient, WeChatResult } from '../../shared/client/WeChatClient';

const MEDIA_UPLOAD_PATH = KF_CALLS.uploadMedia.path;
const MEDIA_GET_PATH = KF_CALLS.getMedia.path;

export const MEDIA_TYPES = ['image', 'voice', 'video', 'thumb'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

const MB = 1024 * 1024;

interface MediaRule {
	/** What the file is called in messages. */
	noun: string;
	kinds: FileKind[];
	maxBytes: number;
	/** The limit as WeChat states it. */
	limit: string;
}

/** WeChat's limits for temporary media, in binary units (10 MB = 10,485,760 bytes). */
export const MEDIA_RULES: Record<MediaType, MediaRule> = {
	image: { noun: 'an image', kinds: ['jpeg', 'png', 'gif'], maxBytes: 10 * MB, limit: '10 MB' },
	voice: { noun: 'a voice clip', kinds: ['amr', 'mp3'], maxBytes: 2 * MB, limit: '2 MB' },
	video: { noun: 'a video', kinds: ['mp4'], maxBytes: 10 * MB, limit: '10 MB' },
	thumb: { noun: 'a thumbnail', kinds: ['jpeg'], maxBytes: 64 * 1024, limit: '64 KB' },
};

function accepted(rule: MediaRule): string {
	const names = rule.kinds.map((k) => fileTypeInfo(k).label);
	return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Checks a file for `type` by its content and size, as WeChat will; returns what it is.
 * `field` is the binary property the user named.
 */
export function validateMedia(type: MediaType, buf: Buffer, field: string, fileName?: string): FileTypeInfo {
	const rule = MEDIA_RULES[type];
	const named = fileName ? ` "${fileName}"` : '';
	if (buf.length === 0) throw new WeChatInputError(field, `holds an empty file${named}`);
	const found = sniffFileType(buf);
	if (!found || !rule.kinds.includes(found.kind)) {
		throw new WeChatInputError(
			field,
			`is not ${rule.noun} WeChat accepts: the file${named} ${describeContent(buf)}; ${type} media must be ${accepted(rule)}`,
		);
	}
	if (buf.length > rule.maxBytes) {
		throw new WeChatInputError(
			field,
			`is ${buf.length} bytes${named}; WeChat accepts ${type} media of at most ${rule.limit} (${rule.maxBytes} bytes)`,
		);
	}
	return found;
}

interface MediaUploadAnswer {
	type?: string;
	media_id?: string;
	thumb_media_id?: string;
	created_at?: number | string;
}

export interface UploadedMedia {
	media_id: string;
	type: MediaType;
	created_at: number;
	/** Only for thumbs: WeChat's own name for the id, kept beside `media_id`. */
	thumb_media_id?: string;
}

/** media/upload answers `media_id`, or `thumb_media_id` for a thumb; undefined when neither. */
function uploadedMedia(type: MediaType, answer: MediaUploadAnswer): UploadedMedia | undefined {
	const id = answer.media_id ?? answer.thumb_media_id;
	if (typeof id !== 'string' || !id) return undefined;
	const created = Number(answer.created_at);
	const result: UploadedMedia = { media_id: id, type, created_at: Number.isFinite(created) ? created : 0 };
	if (type === 'thumb') result.thumb_media_id = id;
	return result;
}

/** `filename` of a Content-Disposition header (`filename*=UTF-8''…` preferred), without any path. */
function dispositionFileName(header: string | undefined): string | undefined {
	if (!header) return undefined;
	let name: string | undefined;
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
	if (extended) {
		try {
			name = decodeURIComponent(extended[2].trim());
		} catch {
			name = undefined;
		}
	}
	name ??= /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
	const base = name?.split(/[/\\]/).pop()?.trim();
	return base || undefined;
}

/** A MIME type without parameters, lower case; undefined when absent or uninformative. */
function plainMimeType(contentType: string | undefined): string | undefined {
	const mime = mimeTypeOf(contentType);
	return mime && mime !== 'application/octet-stream' ? mime : undefined;
}

/**
 * POST multipart /cgi-bin/media/upload?type=…. An upload is a write: never repeated on a busy
 * answer or a timeout (the client then says that WeChat may have stored the file).
 */
export async function uploadMedia(client: WeChatClient, type: MediaType, multipart: MultipartBody): Promise<UploadedMedia> {
	const answer = await client.call<MediaUploadAnswer & WeChatResult>({
		...KF_CALLS.uploadMedia,
		query: { type },
		multipart,
	});
	const uploaded = uploadedMedia(type, answer);
	if (!uploaded) {
		throw new WeChatTransportError(
			'invalidResponse',
			MEDIA_UPLOAD_PATH,
			`${MEDIA_UPLOAD_PATH} answered without a media_id: ${JSON.stringify(answer).slice(0, 120)}`,
		);
	}
	return uploaded;
}

export interface DownloadedMedia {
	media_id: string;
	/** The file's bytes, streamed: hand it to the binary store without reading it into memory. */
	stream: ByteStream;
	fileName: string;
	mimeType: string;
	/** For a video: the address WeChat gave (the file comes from there). */
	video_url?: string;
}

function header(file: DownloadAnswer, name: string): string | undefined {
	const value = file.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function describeFile(mediaId: string, file: DownloadAnswer & { stream: ByteStream }, where: string): DownloadedMedia {
	const declared = plainMimeType(header(file, 'content-type'));
	if (declared?.includes('json')) {
		file.stream.destroy();
		throw new WeChatTransportError('invalidJson', where, `${where} answered with a Content-Type of JSON but a body that is not JSON`);
	}
	const sniffed = sniffFileType(file.head);
	const mimeType = declared ?? sniffed?.mimeType ?? 'application/octet-stream';
	const extension = sniffed?.extension ?? fileTypeByMime(mimeType)?.extension ?? 'bin';
	const fileName = dispositionFileName(header(file, 'content-disposition')) ?? `${mediaId}.${extension}`;
	return { media_id: mediaId, stream: file.stream, fileName, mimeType };
}

/**
 * GET /cgi-bin/media/get?media_id=…: the file as a stream, or for a video WeChat's
 * `{video_url}` followed to the file. An error answer is JSON whatever its Content-Type
 * (e.g. 40007 for an unknown or expired media_id) and becomes the WeChatApiError it is.
 */
export async function downloadMedia(client: WeChatClient, mediaId: string): Promise<DownloadedMedia> {
	const answer = await client.call<WeChatResult & { file?: DownloadAnswer; video_url?: unknown }>({
		...KF_CALLS.getMedia,
		query: { media_id: mediaId },
		download: true,
	});
	if (answer.file?.stream) return describeFile(mediaId, { ...answer.file, stream: answer.file.stream }, MEDIA_GET_PATH);
	if (typeof answer.video_url === 'string' && answer.video_url) {
		const video = await client.downloadStream(answer.video_url);
		if (video.stream) {
			return { ...describeFile(mediaId, { ...video, stream: video.stream }, 'the video_url'), video_url: answer.video_url };
		}
		const refusal = video.json as WeChatResult | undefined;
		if (typeof refusal?.errcode === 'number' && refusal.errcode !== 0) {
			throw new WeChatApiError({ errcode: refusal.errcode, errmsg: String(refusal.errmsg ?? ''), path: 'the video_url', wording: OFFICIAL_ACCOUNT_WORDING });
		}
	}
	throw new WeChatTransportError(
		'invalidResponse',
		MEDIA_GET_PATH,
		`${MEDIA_GET_PATH} answered JSON without a file or video_url: ${JSON.stringify(answer.file?.json ?? answer).slice(0, 120)}`,
	);
}
