"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordOutputProperties = void 0;
exports.writeRecordFile = writeRecordFile;
const records_1 = require("../../client/records");
const recordFile_1 = require("../../client/recordFile");
const input_1 = require("../../execution/input");
const showForFile = { show: { output: ['file'] } };
exports.recordOutputProperties = [
    {
        displayName: 'Output',
        name: 'output',
        type: 'options',
        default: 'items',
        options: [
            { name: 'Items', value: 'items', description: 'One item per record (n8n keeps every item in memory)' },
            {
                name: 'File',
                value: 'file',
                description: 'One item with every record of the range in a binary file, written page by page as WeChat answers: for exports of any size',
            },
        ],
        description: 'Whether to output one item per record or one file holding all of them',
    },
    {
        displayName: 'File Format',
        name: 'fileFormat',
        type: 'options',
        default: 'jsonl',
        displayOptions: showForFile,
        options: [
            { name: 'JSON Lines', value: 'jsonl', description: 'One record item’s JSON per line' },
            {
                name: 'CSV',
                value: 'csv',
                description: 'UTF-8 with BOM (Excel opens Chinese text), a header row, RFC 4180 quoting; columns as the items’ fields',
            },
        ],
        description: 'Format of the file',
    },
    {
        displayName: 'Put Output File in Field',
        name: 'binaryPropertyName',
        type: 'string',
        required: true,
        default: 'data',
        displayOptions: showForFile,
        description: 'Name of the binary field to put the file in',
    },
];
function compactTime(iso) {
    return iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}
async function writeRecordFile(ctx, itemIndex, client, query, zone) {
    const format = ctx.getNodeParameter('fileFormat', itemIndex, 'jsonl');
    if (format !== 'jsonl' && format !== 'csv') {
        throw (0, input_1.inputError)(ctx, itemIndex, 'fileFormat', `must be "jsonl" or "csv", got "${String(format)}"`);
    }
    const property = (0, input_1.stringParam)(ctx, itemIndex, 'binaryPropertyName');
    const startTime = zone.iso(query.startTime);
    const endTime = zone.iso(query.endTime);
    const fileName = `wechat-chat-records-${compactTime(startTime)}-${compactTime(endTime)}.${format}`;
    const stats = { windows: 0, pages: 0 };
    const progress = { records: 0 };
    const stream = (0, recordFile_1.recordFileStream)((0, records_1.iterateRecordPages)(client, query, stats), format, zone, progress);
    const binary = await ctx.helpers.prepareBinaryData(stream, fileName, recordFile_1.RECORD_FILE_MIME_TYPES[format]);
    return [
        {
            json: {
                records: progress.records,
                startTime,
                endTime,
                windows: stats.windows,
                pages: stats.pages,
                fileName,
                fileFormat: format,
            },
            binary: { [property]: binary },
        },
    ];
}
