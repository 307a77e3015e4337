"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.multipartBoundary = multipartBoundary;
exports.parseMultipart = parseMultipart;
function multipartBoundary(contentType) {
    if (!contentType || !/^multipart\/form-data\b/i.test(contentType.trim()))
        return undefined;
    const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    return match ? (match[1] ?? match[2]) : undefined;
}
function parseHeaders(block) {
    const headers = {};
    for (const line of block.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0)
            headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    return headers;
}
function dispositionParam(disposition, key) {
    const match = new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(disposition) ?? new RegExp(`;\\s*${key}=([^;\\s]+)`, 'i').exec(disposition);
    return match?.[1];
}
function parseMultipart(body, boundary) {
    const delimiter = Buffer.from(`--${boundary}`);
    const parts = [];
    let pos = body.indexOf(delimiter);
    if (pos === -1)
        return undefined;
    for (;;) {
        pos += delimiter.length;
        if (body.subarray(pos, pos + 2).toString() === '--')
            return parts;
        if (body.subarray(pos, pos + 2).toString() !== '\r\n')
            return undefined;
        pos += 2;
        const headerEnd = body.indexOf('\r\n\r\n', pos);
        if (headerEnd === -1)
            return undefined;
        const headers = parseHeaders(body.subarray(pos, headerEnd).toString('utf8'));
        const dataStart = headerEnd + 4;
        const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);
        if (next === -1)
            return undefined;
        const disposition = headers['content-disposition'] ?? '';
        parts.push({
            name: dispositionParam(disposition, 'name') ?? '',
            filename: dispositionParam(disposition, 'filename'),
            contentType: headers['content-type'],
            headers,
            data: body.subarray(dataStart, next),
        });
        pos = next + 2;
    }
}
