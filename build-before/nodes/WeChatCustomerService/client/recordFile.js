"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RECORD_FILE_MIME_TYPES = void 0;
exports.csvField = csvField;
exports.recordFileStream = recordFileStream;
const node_stream_1 = require("node:stream");
const records_1 = require("./records");
exports.RECORD_FILE_MIME_TYPES = {
    jsonl: 'application/x-ndjson',
    csv: 'text/csv',
};
const ITEM_FIELDS = ['time_iso', 'operation', 'worker', 'openid', 'text', 'opercode', 'time'];
function csvField(value) {
    if (value === undefined || value === null)
        return '';
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function csvRow(values) {
    let row = '';
    for (let i = 0; i < values.length; i++)
        row += (i ? ',' : '') + csvField(values[i]);
    return `${row}\r\n`;
}
function recordFileStream(pages, format, zone, progress) {
    async function* chunks() {
        let columns;
        for await (const page of pages) {
            let text = '';
            if (format === 'jsonl') {
                for (const record of page)
                    text += `${JSON.stringify((0, records_1.describeRecord)(record, zone))}\n`;
            }
            else {
                for (const record of page) {
                    const item = (0, records_1.describeRecord)(record, zone);
                    if (!columns) {
                        columns = [...ITEM_FIELDS, ...Object.keys(item).filter((key) => !ITEM_FIELDS.includes(key))];
                        text = `\uFEFF${csvRow(columns)}`;
                    }
                    text += csvRow(columns.map((c) => item[c]));
                }
            }
            progress.records += page.length;
            yield Buffer.from(text, 'utf8');
        }
        if (format === 'csv' && !columns)
            yield Buffer.from(`\uFEFF${csvRow(ITEM_FIELDS)}`, 'utf8');
    }
    return node_stream_1.Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
}
