"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sniffFileType = sniffFileType;
exports.fileTypeInfo = fileTypeInfo;
exports.hexHead = hexHead;
exports.describeContent = describeContent;
exports.isJpeg = isJpeg;
exports.fileTypeByMime = fileTypeByMime;
exports.fileNameFor = fileNameFor;
const INFO = {
    jpeg: { label: 'JPEG', mimeType: 'image/jpeg', extension: 'jpg' },
    png: { label: 'PNG', mimeType: 'image/png', extension: 'png' },
    gif: { label: 'GIF', mimeType: 'image/gif', extension: 'gif' },
    amr: { label: 'AMR', mimeType: 'audio/amr', extension: 'amr' },
    mp3: { label: 'MP3', mimeType: 'audio/mpeg', extension: 'mp3' },
    mp4: { label: 'MP4', mimeType: 'video/mp4', extension: 'mp4' },
    m4a: { label: 'M4A audio', mimeType: 'audio/mp4', extension: 'm4a' },
    mov: { label: 'QuickTime MOV', mimeType: 'video/quicktime', extension: 'mov' },
    webp: { label: 'WebP', mimeType: 'image/webp', extension: 'webp' },
    bmp: { label: 'BMP', mimeType: 'image/bmp', extension: 'bmp' },
    pdf: { label: 'PDF', mimeType: 'application/pdf', extension: 'pdf' },
    wav: { label: 'WAV', mimeType: 'audio/wav', extension: 'wav' },
    avi: { label: 'AVI', mimeType: 'video/x-msvideo', extension: 'avi' },
    ogg: { label: 'Ogg', mimeType: 'audio/ogg', extension: 'ogg' },
    flac: { label: 'FLAC', mimeType: 'audio/flac', extension: 'flac' },
    silk: { label: 'SILK', mimeType: 'audio/silk', extension: 'silk' },
    webm: { label: 'WebM/Matroska', mimeType: 'video/webm', extension: 'webm' },
    tiff: { label: 'TIFF', mimeType: 'image/tiff', extension: 'tif' },
};
function startsWith(buf, bytes, at = 0) {
    const want = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
    return buf.length >= at + want.length && buf.subarray(at, at + want.length).equals(want);
}
function isMp3Frame(buf) {
    if (buf.length < 2 || buf[0] !== 0xff || (buf[1] & 0xe0) !== 0xe0)
        return false;
    const version = (buf[1] >> 3) & 3;
    const layer = (buf[1] >> 1) & 3;
    return version !== 1 && layer === 1;
}
function isoKind(buf) {
    if (!startsWith(buf, 'ftyp', 4))
        return undefined;
    const brand = buf.subarray(8, 12).toString('latin1');
    if (/^M4[ABP] $/.test(brand))
        return 'm4a';
    if (brand === 'qt  ')
        return 'mov';
    return 'mp4';
}
function detectKind(buf) {
    if (startsWith(buf, [0xff, 0xd8, 0xff]))
        return 'jpeg';
    if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        return 'png';
    if (startsWith(buf, 'GIF87a') || startsWith(buf, 'GIF89a'))
        return 'gif';
    if (startsWith(buf, '#!AMR'))
        return 'amr';
    if (startsWith(buf, '#!SILK') || startsWith(buf, '\x02#!SILK'))
        return 'silk';
    if (startsWith(buf, 'ID3') || isMp3Frame(buf))
        return 'mp3';
    const iso = isoKind(buf);
    if (iso)
        return iso;
    if (startsWith(buf, 'RIFF') && buf.length >= 12) {
        const form = buf.subarray(8, 12).toString('latin1');
        if (form === 'WEBP')
            return 'webp';
        if (form === 'WAVE')
            return 'wav';
        if (form === 'AVI ')
            return 'avi';
    }
    if (startsWith(buf, 'BM'))
        return 'bmp';
    if (startsWith(buf, '%PDF'))
        return 'pdf';
    if (startsWith(buf, 'OggS'))
        return 'ogg';
    if (startsWith(buf, 'fLaC'))
        return 'flac';
    if (startsWith(buf, [0x1a, 0x45, 0xdf, 0xa3]))
        return 'webm';
    if (startsWith(buf, 'II*\0') || startsWith(buf, 'MM\0*'))
        return 'tiff';
    return undefined;
}
function sniffFileType(buf) {
    const kind = detectKind(buf);
    return kind ? { kind, ...INFO[kind] } : undefined;
}
function fileTypeInfo(kind) {
    return { kind, ...INFO[kind] };
}
function hexHead(buf, count = 4) {
    return [...buf.subarray(0, count)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}
function describeContent(buf) {
    const found = sniffFileType(buf);
    return `starts with ${hexHead(buf)}${found ? ` (${found.label})` : ''}`;
}
function isJpeg(buf) {
    return detectKind(buf) === 'jpeg';
}
function fileTypeByMime(contentType) {
    const mime = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (mime === 'image/jpg' || mime === 'image/pjpeg')
        return fileTypeInfo('jpeg');
    const kind = Object.keys(INFO).find((k) => INFO[k].mimeType === mime);
    return kind ? fileTypeInfo(kind) : undefined;
}
function fileNameFor(info, given, fallbackBase) {
    const extensions = info.kind === 'jpeg' ? ['jpg', 'jpeg'] : [info.extension];
    const ext = /\.([^./\\]+)$/.exec(given ?? '')?.[1]?.toLowerCase();
    if (given && ext && extensions.includes(ext))
        return given;
    const base = given ? given.replace(/\.[^./\\]*$/, '') || fallbackBase : fallbackBase;
    return `${base}.${info.extension}`;
}
