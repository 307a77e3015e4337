"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readBinaryInput = readBinaryInput;
exports.readMediaUpload = readMediaUpload;
const media_1 = require("../client/media");
const fileTypes_1 = require("../client/fileTypes");
const multipart_1 = require("../client/multipart");
const input_1 = require("./input");
async function readBinaryInput(ctx, itemIndex, property, label, what) {
    const item = ctx.getInputData()[itemIndex];
    if (!item?.binary?.[property]) {
        const present = Object.keys(item?.binary ?? {});
        throw (0, input_1.inputError)(ctx, itemIndex, label, `names "${property}", which is not a binary field of this item (${present.length ? `it has: ${present.join(', ')}` : 'it has no binary data'}); set it to the field holding ${what}`);
    }
    const meta = ctx.helpers.assertBinaryData(itemIndex, property);
    const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
    return { bytes, fileName: meta.fileName, mimeType: meta.mimeType };
}
async function readMediaUpload(ctx, itemIndex, type, param) {
    const property = (0, input_1.stringParam)(ctx, itemIndex, param);
    const file = await readBinaryInput(ctx, itemIndex, property, param, `the ${type === 'thumb' ? 'thumbnail' : type} file`);
    const info = (0, media_1.validateMedia)(type, file.bytes, param, file.fileName);
    const fileName = (0, fileTypes_1.fileNameFor)(info, file.fileName, type);
    return { type, multipart: (0, multipart_1.fileMultipart)(file.bytes, fileName, info.mimeType), fileName, size: file.bytes.length };
}
