"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MB = exports.KB = void 0;
exports.sampleFile = sampleFile;
exports.useBinaryMode = useBinaryMode;
exports.binaryBytes = binaryBytes;
exports.withInputs = withInputs;
exports.partsOf = partsOf;
exports.uploadRequests = uploadRequests;
const HEADS = {
    jpeg: Buffer.from('FFD8FFE000104A46494600', 'hex'),
    png: Buffer.from('89504E470D0A1A0A0000000D49484452', 'hex'),
    gif: Buffer.from('GIF89a', 'latin1'),
    amr: Buffer.from('#!AMR\n', 'latin1'),
    mp3: Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'),
    mp4: Buffer.from('00000018667479706D703432000000006D703432', 'hex'),
    m4a: Buffer.from('00000018667479704D344120000000004D344120', 'hex'),
    bmp: Buffer.from('424D3600000000000000', 'hex'),
    wav: Buffer.from('52494646FFFFFFFF57415645', 'hex'),
};
function sampleFile(kind, size, seed = 1) {
    const head = HEADS[kind];
    if (size < head.length)
        throw new Error(`a ${kind} sample needs at least ${head.length} bytes`);
    const buf = Buffer.alloc(size);
    for (let i = 0; i < size; i++)
        buf[i] = (i * 31 + seed * 17 + (i >> 8)) & 0xff;
    head.copy(buf, 0);
    return buf;
}
exports.KB = 1024;
exports.MB = 1024 * 1024;
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const di_1 = require("@n8n/di");
const n8n_core_1 = require("n8n-core");
const multipart_1 = require("../../sandbox/multipart");
const binaryData_1 = require("./binaryData");
const patch_1 = require("./patch");
function useBinaryMode(mode) {
    const state = { dir: '', restore: undefined };
    beforeEach(async () => {
        if (mode !== 'filesystem')
            return;
        state.dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'wechat-media-bin-'));
        state.restore = await (0, binaryData_1.useFilesystemBinaryData)(state.dir);
    });
    afterEach(() => {
        state.restore?.();
        state.restore = undefined;
        if (state.dir)
            (0, node_fs_1.rmSync)(state.dir, { recursive: true, force: true });
        state.dir = '';
    });
    return state;
}
async function binaryBytes(binary) {
    return await di_1.Container.get(n8n_core_1.BinaryDataService).getAsBuffer(binary);
}
function withInputs(wf, items) {
    return (0, patch_1.withParams)(wf, 'Input Items', {
        items: JSON.stringify(items.map((i) => i.json)),
        binary: JSON.stringify(items.map(({ files }) => files?.length
            ? files.map((f) => ({
                property: f.property ?? 'data',
                base64: f.bytes.toString('base64'),
                fileName: f.fileName,
                mimeType: f.mimeType ?? 'application/octet-stream',
            }))
            : null)),
    });
}
function partsOf(req) {
    const boundary = (0, multipart_1.multipartBoundary)(String(req.headers['content-type']));
    return (0, multipart_1.parseMultipart)(req.rawBody, boundary);
}
function uploadRequests(sb) {
    return sb.requestsTo('/cgi-bin/media/upload');
}
