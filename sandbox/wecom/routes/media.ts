// media/upload and media/get with a WeCom token. The Official Account's media routes serve the
// same paths; `withWeComMedia` lets a WeCom token reach these handlers and any other token the
// Official Account's.
import { multipartBoundary, parseMultipart } from '../../multipart';
import type { ReceivedRequest, Route, RouteHandler, SandboxContext, SandboxResponse } from '../../types';
import { ok, weComError } from '../errors';
import { addMedia, WECOM_MEDIA_TYPES } from '../media';
import type { WeComMedia } from '../model';
import { corpOf } from './common';

/** type first (40004), then the `media` part (41005), then size and content (40006, 40005). */
function upload(req: ReceivedRequest, sb: SandboxContext): SandboxResponse {
	const corp = corpOf(req, sb);
	const type = req.query.type as WeComMedia['type'];
	if (!WECOM_MEDIA_TYPES.includes(type)) throw weComError(40004);
	const boundary = multipartBoundary(String(req.headers['content-type'] ?? ''));
	const part = (boundary ? parseMultipart(req.rawBody, boundary) : undefined)?.find((p) => p.name === 'media' && p.filename !== undefined);
	if (!part) throw weComError(41005);
	const media = addMedia(corp, type, part.data, part.filename ?? '');
	return { json: ok({ type, media_id: media.media_id, created_at: String(media.created_at) }) };
}

/** The bytes with their type and file name; errors as JSON. */
function get(req: ReceivedRequest, sb: SandboxContext): SandboxResponse {
	const corp = corpOf(req, sb);
	if (!req.query.media_id) throw weComError(40007);
	const media = corp.mediaOf(req.query.media_id);
	return {
		body: media.bytes,
		headers: {
			'content-type': media.mimeType,
			'content-disposition': `attachment; filename="${encodeURIComponent(media.fileName)}"`,
			'content-length': String(media.bytes.length),
		},
	};
}

const WECOM_MEDIA: Record<string, RouteHandler> = { '/cgi-bin/media/upload': upload, '/cgi-bin/media/get': get };

/** The Official Account's routes, with media/upload and media/get also answering WeCom tokens. */
export function withWeComMedia(routes: Route[]): Route[] {
	return routes.map((route) => {
		const weCom = WECOM_MEDIA[route.path];
		if (!weCom) return route;
		return {
			...route,
			handler: (req, sb) => (sb.state.wecom.isWeComToken(req.query.access_token) ? weCom(req, sb) : route.handler(req, sb)),
		};
	});
}
