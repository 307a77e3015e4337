"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MEDIA_RULES = exports.MEDIA_LIFETIME_SECONDS = exports.MEDIA_TYPES = exports.MEDIA_GET_PATH = exports.MEDIA_UPLOAD_PATH = void 0;
exports.validateMedia = validateMedia;
exports.uploadedMedia = uploadedMedia;
exports.dispositionFileName = dispositionFileName;
exports.plainMimeType = plainMimeType;
exports.uploadMedia = uploadMedia;
exports.downloadMedia = downloadMedia;
const errors_1 = require("./errors");
const fileTypes_1 = require("./fileTypes");
exports.MEDIA_UPLOAD_PATH = '/cgi-bin/media/upload';
exports.MEDIA_GET_PATH = '/cgi-bin/media/get';
exports.MEDIA_TYPES = ['image', 'voice', 'video', 'thumb'];
exports.MEDIA_LIFETIME_SECONDS = 3 * 86400;
const MB = 1024 * 1024;
exports.MEDIA_RULES = {
    image: { noun: 'an image', kinds: ['jpeg', 'png', 'gif'], maxBytes: 10 * MB, limit: '10 MB' },
    voice: { noun: 'a voice clip', kinds: ['amr', 'mp3'], maxBytes: 2 * MB, limit: '2 MB' },
    video: { noun: 'a video', kinds: ['mp4'], maxBytes: 10 * MB, limit: '10 MB' },
    thumb: { noun: 'a thumbnail', kinds: ['jpeg'], maxBytes: 64 * 1024, limit: '64 KB' },
};
function accepted(rule) {
    const names = rule.kinds.map((k) => (0, fileTypes_1.fileTypeInfo)(k).label);
    return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
function validateMedia(type, buf, field, fileName) {
    const rule = exports.MEDIA_RULES[type];
    const named = fileName ? ` "${fileName}"` : '';
    if (buf.length === 0)
        throw new errors_1.WeChatInputError(field, `holds an empty file${named}`);
    const found = (0, fileTypes_1.sniffFileType)(buf);
    if (!found || !rule.kinds.includes(found.kind)) {
        throw new errors_1.WeChatInputError(field, `is not ${rule.noun} WeChat accepts: the file${named} ${(0, fileTypes_1.describeContent)(buf)}; ${type} media must be ${accepted(rule)}`);
    }
    if (buf.length > rule.maxBytes) {
        throw new errors_1.WeChatInputError(field, `is ${buf.length} bytes${named}; WeChat accepts ${type} media of at most ${rule.limit} (${rule.maxBytes} bytes)`);
    }
    return found;
}
function uploadedMedia(type, answer) {
    const id = answer.media_id ?? answer.thumb_media_id;
    if (typeof id !== 'string' || !id)
        return undefined;
    const created = Number(answer.created_at);
    const result = { media_id: id, type, created_at: Number.isFinite(created) ? created : 0 };
    if (type === 'thumb')
        result.thumb_media_id = id;
    return result;
}
function dispositionFileName(header) {
    if (!header)
        return undefined;
    let name;
    const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
    if (extended) {
        try {
            name = decodeURIComponent(extended[2].trim());
        }
        catch {
            name = undefined;
        }
    }
    name ??= /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
    const base = name?.split(/[/\\]/).pop()?.trim();
    return base || undefined;
}
function plainMimeType(contentType) {
    const mime = (contentType ?? '').split(';')[0].trim().toLowerCase();
    return mime && mime !== 'application/octet-stream' ? mime : undefined;
}
async function uploadMedia(client, type, multipart) {
    const answer = await client.call({
        method: 'POST',
        path: exports.MEDIA_UPLOAD_PATH,
        kind: 'write',
        query: { type },
        multipart,
    });
    const uploaded = uploadedMedia(type, answer);
    if (!uploaded) {
        throw new errors_1.WeChatTransportError('invalidResponse', exports.MEDIA_UPLOAD_PATH, `${exports.MEDIA_UPLOAD_PATH} answered without a media_id: ${JSON.stringify(answer).slice(0, 120)}`);
    }
    return uploaded;
}
function header(file, name) {
    const value = file.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function describeFile(mediaId, file, where) {
    const declared = plainMimeType(header(file, 'content-type'));
    if (declared?.includes('json')) {
        file.stream.destroy();
        throw new errors_1.WeChatTransportError('invalidJson', where, `${where} answered with a Content-Type of JSON but a body that is not JSON`);
    }
    const sniffed = (0, fileTypes_1.sniffFileType)(file.head);
    const mimeType = declared ?? sniffed?.mimeType ?? 'application/octet-stream';
    const extension = sniffed?.extension ?? (0, fileTypes_1.fileTypeByMime)(mimeType)?.extension ?? 'bin';
    const fileName = dispositionFileName(header(file, 'content-disposition')) ?? `${mediaId}.${extension}`;
    return { media_id: mediaId, stream: file.stream, fileName, mimeType };
}
async function downloadMedia(client, mediaId) {
    const answer = await client.call({
        method: 'GET',
        path: exports.MEDIA_GET_PATH,
        kind: 'read',
        query: { media_id: mediaId },
        download: true,
    });
    if (answer.file?.stream)
        return describeFile(mediaId, { ...answer.file, stream: answer.file.stream }, exports.MEDIA_GET_PATH);
    if (typeof answer.video_url === 'string' && answer.video_url) {
        const video = await client.downloadStream(answer.video_url);
        if (video.stream) {
            return { ...describeFile(mediaId, { ...video, stream: video.stream }, 'the video_url'), video_url: answer.video_url };
        }
        const refusal = video.json;
        if (typeof refusal?.errcode === 'number' && refusal.errcode !== 0) {
            throw new errors_1.WeChatApiError({ errcode: refusal.errcode, errmsg: String(refusal.errmsg ?? ''), path: 'the video_url' });
        }
    }
    throw new errors_1.WeChatTransportError('invalidResponse', exports.MEDIA_GET_PATH, `${exports.MEDIA_GET_PATH} answered JSON without a file or video_url: ${JSON.stringify(answer.file?.json ?? answer).slice(0, 120)}`);
}
