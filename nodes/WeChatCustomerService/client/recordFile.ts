// Chat records as one file (JSON Lines or CSV), written page by page as WeChat's pages arrive:
// a stream that asks for the next page only when the reader wants more. Knows nothing of n8n.
import { Readable } from 'node:stream';

import { describeRecord, type DescribedRecord } from './records';
import type { KfRecord } from './types';
import type { ZonedFormatter } from './zonedTime';

export type RecordFileFormat = 'jsonl' | 'csv';

export const RECORD_FILE_MIME_TYPES: Record<RecordFileFormat, string> = {
	jsonl: 'application/x-ndjson',
	csv: 'text/csv',
};

/** The CSV columns every file has, in item order: the fields of a record item. */
const ITEM_FIELDS = ['time_iso', 'operation', 'worker', 'openid', 'text', 'opercode', 'time'];

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: unknown): string {
	if (value === undefined || value === null) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(values: unknown[]): string {
	let row = '';
	for (let i = 0; i < values.length; i++) row += (i ? ',' : '') + csvField(values[i]);
	return `${row}\r\n`;
}

export interface RecordFileProgress {
	/** Records written so far. */
	records: number;
}

/**
 * The records of `pages` as one file's bytes: JSON Lines (one item's JSON a line), or CSV in
 * UTF-8 with a BOM (so Excel reads Chinese text), a header row and CRLF rows, the columns being
 * the items' fields in item order, then any further field the first record has (the header is
 * written before later records are read; a field missing from a record is an empty cell). One chunk per page, pulled only
 * when the reader wants more, so one page at a time is in memory whatever the range.
 */
export function recordFileStream(
	pages: AsyncIterable<KfRecord[]>,
	format: RecordFileFormat,
	zone: ZonedFormatter,
	progress: RecordFileProgress,
): Readable {
	async function* chunks(): AsyncGenerator<Buffer> {
		let columns: string[] | undefined;
		for await (const page of pages) {
			let text = '';
			if (format === 'jsonl') {
				for (const record of page) text += `${JSON.stringify(describeRecord(record, zone))}\n`;
			} else {
				for (const record of page) {
					const item: DescribedRecord = describeRecord(record, zone);
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
		if (format === 'csv' && !columns) yield Buffer.from(`\uFEFF${csvRow(ITEM_FIELDS)}`, 'utf8');
	}
	// Byte mode with a tiny high-water mark: no page is read ahead of the writer.
	return Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
}
