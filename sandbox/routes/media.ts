// Temporary media: media/upload (multipart part `media`) and media/get, with WeChat's errcodes.
import { WxError, wxError } from '../errors';
import { isSandboxMediaType, type StoredMedia } from '../media';
import { multipartBoundary, parseMultipart } from '../multipart';
import type { ReceivedRequest, Route, SandboxContext, SandboxResponse } from '../types';
import { requireToken } from './common';

/** Where a video's `video_url` points: a plain download, no token, like WeChat's video CDN. */
export const VIDEO_DOWNLOAD_PATH = '/sandbox-cdn/video.mp4';

/** type first (40004), then the file part (41005), then content and size (40005, 40006). */
function upload(req: ReceivedRequest, sb: SandboxContext): SandboxResponse {
	requireToken(req, sb);
	const type = req.query.type;
	if (!isSandboxMediaType(type)) throw wxError(40004, 'invalid media type');
	const boundary = multipartBoundary(String(req.headers['content-type'] ?? ''));
	const parts = boundary ? parseMultipart(req.rawBody, boundary) : undefined;
	const part = parts?.find((p) => p.name === 'media' && p.filename !== undefined);
	if (!part) throw wxError(41005, 'media data missing');
	const media = sb.state.media.add(type, part.data, sb.clock.now(), part.filename);
	const id = type === 'thumb' ? { thumb_media_id: media.media_id } : { media_id: media.media_id };
	return { json: { type, ...id, created_at: media.created_at } };
}

/** WeChat answers media/get errors as JSON with a text/plain Content-Type. */
function plainJson(json: unknown): SandboxResponse {
	return { body: JSON.stringify(json), headers: { 'content-type': 'text/plain' } };
}

function fileResponse(media: StoredMedia): SandboxResponse {
	return {
		body: media.bytes,
		headers: {
			'content-type': media.mimeType,
			'content-disposition': `attachment; filename="${media.media_id}.${media.extension}"`,
			'cache-control': 'no-cache, must-revalidate',
		},
	};
}

/** The file, or for a video `{video_url}`; unknown or older than 3 days → 40007. */
function get(req: ReceivedRequest, sb: SandboxContext): SandboxResponse {
	try {
		requireToken(req, sb);
		const mediaId = req.query.media_id;
		if (!mediaId) throw wxError(41006, 'media_id missing');
		const media = sb.state.media.get(mediaId, sb.clock.now());
		if (media.type !== 'video') return fileResponse(media);
		return plainJson({ video_url: `${sb.url}${VIDEO_DOWNLOAD_PATH}?vkey=${encodeURIComponent(media.media_id)}` });
	} catch (error) {
		if (error instanceof WxError) return plainJson({ errcode: error.errcode, errmsg: error.errmsg });
		throw error;
	}
}

function videoDownload(req: ReceivedRequest, sb: SandboxContext): SandboxResponse {
	const media = sb.state.media.items.get(req.query.vkey ?? '');
	if (!media || media.type !== 'video') return { status: 404, body: 'not found' };
	return { body: media.bytes, headers: { 'content-type': media.mimeType } };
}

export const mediaRoutes: Route[] = [
	{ method: 'POST', path: '/cgi-bin/media/upload', handler: upload },
	{ method: 'GET', path: '/cgi-bin/media/get', handler: get },
	{ method: 'GET', path: VIDEO_DOWNLOAD_PATH, handler: videoDownload },
];
