"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MediaStore = exports.MEDIA_LIMITS = exports.MEDIA_LIFETIME_SECONDS = void 0;
exports.isSandboxMediaType = isSandboxMediaType;
exports.customerFile = customerFile;
const node_crypto_1 = require("node:crypto");
const errors_1 = require("./errors");
exports.MEDIA_LIFETIME_SECONDS = 3 * 86400;
const MB = 1024 * 1024;
const ascii = (b, text, at = 0) => b.subarray(at, at + text.length).toString('latin1') === text;
const JPEG = { mimeType: 'image/jpeg', extension: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff };
const PNG = { mimeType: 'image/png', extension: 'png', test: (b) => ascii(b, '\x89PNG\r\n\x1a\n') };
const GIF = { mimeType: 'image/gif', extension: 'gif', test: (b) => ascii(b, 'GIF87a') || ascii(b, 'GIF89a') };
const AMR = { mimeType: 'audio/amr', extension: 'amr', test: (b) => ascii(b, '#!AMR') };
const MP3 = {
    mimeType: 'audio/mpeg',
    extension: 'mp3',
    test: (b) => ascii(b, 'ID3') || (b[0] === 0xff && (b[1] & 0xe6) === 0xe2),
};
const MP4 = {
    mimeType: 'video/mp4',
    extension: 'mp4',
    test: (b) => ascii(b, 'ftyp', 4) && !/^(M4[ABP] |qt {2})$/.test(b.subarray(8, 12).toString('latin1')),
};
exports.MEDIA_LIMITS = {
    image: { formats: [JPEG, PNG, GIF], maxBytes: 10 * MB },
    voice: { formats: [AMR, MP3], maxBytes: 2 * MB },
    video: { formats: [MP4], maxBytes: 10 * MB },
    thumb: { formats: [JPEG], maxBytes: 64 * 1024 },
};
function isSandboxMediaType(value) {
    return typeof value === 'string' && value in exports.MEDIA_LIMITS;
}
function newMediaId() {
    return (0, node_crypto_1.randomBytes)(48).toString('base64url');
}
class MediaStore {
    items = new Map();
    add(type, bytes, now, fileName = '', source = 'upload') {
        if (bytes.length === 0)
            throw (0, errors_1.wxError)(41005, 'media data missing');
        const limits = exports.MEDIA_LIMITS[type];
        const format = limits.formats.find((f) => f.test(bytes));
        if (!format)
            throw (0, errors_1.wxError)(40005, 'invalid file type');
        if (bytes.length > limits.maxBytes)
            throw (0, errors_1.wxError)(40006, 'invalid meida size');
        const media = {
            media_id: newMediaId(),
            type,
            bytes: Buffer.from(bytes),
            mimeType: format.mimeType,
            extension: format.extension,
            fileName: fileName || `media.${format.extension}`,
            created_at: now,
            source,
        };
        this.items.set(media.media_id, media);
        return media;
    }
    get(mediaId, now) {
        const media = this.items.get(mediaId);
        if (!media || now - media.created_at >= exports.MEDIA_LIFETIME_SECONDS)
            throw (0, errors_1.wxError)(40007, 'invalid media_id');
        return media;
    }
}
exports.MediaStore = MediaStore;
function customerFile(type) {
    switch (type) {
        case 'voice':
            return Buffer.concat([Buffer.from('#!AMR\n', 'latin1'), ...Array.from({ length: 50 }, () => Buffer.concat([Buffer.from([0x3c]), Buffer.alloc(31)]))]);
        case 'video':
            return Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom\0\0\x02\0isomiso2avc1mp41', 'latin1'), Buffer.alloc(2000, 0x20)]);
        default:
            return Buffer.concat([Buffer.from('FFD8FFE000104A46494600010100000100010000', 'hex'), Buffer.alloc(2000, 0x41), Buffer.from('FFD9', 'hex')]);
    }
}
