"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mediaRoutes = exports.VIDEO_DOWNLOAD_PATH = void 0;
const errors_1 = require("../errors");
const media_1 = require("../media");
const multipart_1 = require("../multipart");
const common_1 = require("./common");
exports.VIDEO_DOWNLOAD_PATH = '/sandbox-cdn/video.mp4';
function upload(req, sb) {
    (0, common_1.requireToken)(req, sb);
    const type = req.query.type;
    if (!(0, media_1.isSandboxMediaType)(type))
        throw (0, errors_1.wxError)(40004, 'invalid media type');
    const boundary = (0, multipart_1.multipartBoundary)(String(req.headers['content-type'] ?? ''));
    const parts = boundary ? (0, multipart_1.parseMultipart)(req.rawBody, boundary) : undefined;
    const part = parts?.find((p) => p.name === 'media' && p.filename !== undefined);
    if (!part)
        throw (0, errors_1.wxError)(41005, 'media data missing');
    const media = sb.state.media.add(type, part.data, sb.clock.now(), part.filename);
    const id = type === 'thumb' ? { thumb_media_id: media.media_id } : { media_id: media.media_id };
    return { json: { type, ...id, created_at: media.created_at } };
}
function plainJson(json) {
    return { body: JSON.stringify(json), headers: { 'content-type': 'text/plain' } };
}
function fileResponse(media) {
    return {
        body: media.bytes,
        headers: {
            'content-type': media.mimeType,
            'content-disposition': `attachment; filename="${media.media_id}.${media.extension}"`,
            'cache-control': 'no-cache, must-revalidate',
        },
    };
}
function get(req, sb) {
    try {
        (0, common_1.requireToken)(req, sb);
        const mediaId = req.query.media_id;
        if (!mediaId)
            throw (0, errors_1.wxError)(41006, 'media_id missing');
        const media = sb.state.media.get(mediaId, sb.clock.now());
        if (media.type !== 'video')
            return fileResponse(media);
        return plainJson({ video_url: `${sb.url}${exports.VIDEO_DOWNLOAD_PATH}?vkey=${encodeURIComponent(media.media_id)}` });
    }
    catch (error) {
        if (error instanceof errors_1.WxError)
            return plainJson({ errcode: error.errcode, errmsg: error.errmsg });
        throw error;
    }
}
function videoDownload(req, sb) {
    const media = sb.state.media.items.get(req.query.vkey ?? '');
    if (!media || media.type !== 'video')
        return { status: 404, body: 'not found' };
    return { body: media.bytes, headers: { 'content-type': media.mimeType } };
}
exports.mediaRoutes = [
    { method: 'POST', path: '/cgi-bin/media/upload', handler: upload },
    { method: 'GET', path: '/cgi-bin/media/get', handler: get },
    { method: 'GET', path: exports.VIDEO_DOWNLOAD_PATH, handler: videoDownload },
];
