// Chat records as files (JSON Lines or CSV) of at most a chosen number of records each, built
// page by page as WeChat's pages arrive; the next page is read only after the caller has stored
// the previous file. Knows nothing of n8n.
import { describeRecord, type DescribedRecord } from './records';
import type { KfRecord } from './types';
import type { ZonedFormatter } from './zonedTime';

export type RecordFileFormat = 'jsonl' | 'csv';

export const RECORD_FILE_MIME_TYPES: Record<RecordFileFormat, string> = {
	jsonl: 'application/x-ndjson',
	csv: 'text/csv',
};

/** The most records one file may hold: a file is built in memory before it is stored. */
export const MAX_RECORDS_PER_FILE = 1_000_000;

/** The CSV columns every file has, in item order: the fields of a record item. */
const ITEM_FIELDS = ['time_iso', 'operation', 'worker', 'openid', 'text', 'opercode', 'time'];

/** A cell a spreadsheet would read as a formula (OWASP's CSV-injection list: = + - @ TAB CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled.
 * A text that a spreadsheet would evaluate as a formula gets a leading `'` and is quoted: quoting
 * alone does not stop Excel or LibreOffice from evaluating it. Every cell, whatever its column.
 */
export function csvField(value: unknown): string {
	if (value === undefined || value === null) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(values: unknown[]): string {
	let row = '';
	for (let i = 0; i < values.length; i++) row += (i ? ',' : '') + csvField(values[i]);
	return `${row}\r\n`;
}

export interface RecordFile {
	/** 1 for the first file. */
	part: number;
	/** Whether this is the export's last file. */
	last: boolean;
	/** Records in this file. */
	records: number;
	/** The file: a view of one buffer that the next file overwrites, so store it before asking for the next. */
	bytes: Buffer;
}

/**
 * One growing buffer for every file of an export: a new buffer per file would leave each file's
 * bytes behind as external memory, which V8 collects only once tens of megabytes have piled up.
 */
class FileBuffer {
	private buffer = Buffer.alloc(0);
	private used = 0;

	append(text: string): void {
		const length = Buffer.byteLength(text, 'utf8');
		if (this.used + length > this.buffer.length) {
			const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.used + length, 1 << 20));
			this.buffer.copy(grown, 0, 0, this.used);
			this.buffer = grown;
		}
		this.used += this.buffer.write(text, this.used, 'utf8');
	}

	/** The bytes appended since the last call; valid until the next append. */
	take(): Buffer {
		const bytes = this.buffer.subarray(0, this.used);
		this.used = 0;
		return bytes;
	}
}

/**
 * The records of `pages` as files of at most `recordsPerFile` records each (an empty range: one
 * empty file): JSON Lines (one item's JSON a line), or CSV in UTF-8 with a BOM (so Excel reads
 * Chinese text), a header row and CRLF rows. CSV columns are the items' fields in item order, then
 * any further field the export's first record has, the same in every file (a field missing from a
 * record is an empty cell). A full file is handed out when the next record arrives, so `last`
 * is known. In memory: one page, its text, and one buffer as large as the largest file.
 */
export async function* recordFiles(
	pages: AsyncIterable<KfRecord[]>,
	format: RecordFileFormat,
	zone: ZonedFormatter,
	recordsPerFile: number,
): AsyncGenerator<RecordFile> {
	const file = new FileBuffer();
	let columns: string[] | undefined;
	let text = '';
	let records = 0;
	let part = 0;
	const take = (last: boolean): RecordFile => {
		file.append(text);
		text = '';
		const taken = { part: ++part, last, records, bytes: file.take() };
		records = 0;
		return taken;
	};
	for await (const page of pages) {
		for (const record of page) {
			if (records === recordsPerFile) yield take(false);
			if (format === 'jsonl') {
				text += `${JSON.stringify(describeRecord(record, zone))}\n`;
			} else {
				const item: DescribedRecord = describeRecord(record, zone);
				columns ??= [...ITEM_FIELDS, ...Object.keys(item).filter((key) => !ITEM_FIELDS.includes(key))];
				if (records === 0) text = `\uFEFF${csvRow(columns)}`;
				text += csvRow(columns.map((c) => item[c]));
			}
			records++;
		}
		file.append(text);
		text = '';
	}
	if (format === 'csv' && part === 0 && records === 0) text = `\uFEFF${csvRow(ITEM_FIELDS)}`;
	yield take(true);
}
