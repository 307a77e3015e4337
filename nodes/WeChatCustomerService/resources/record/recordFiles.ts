// Chat records as files (JSON Lines or CSV) of at most a chosen number of records each, built
// page by page as WeChat's pages arrive; the next page is read only after the caller has stored
// the previous file. Knows nothing of n8n.
import { describeRecord, type DescribedRecord } from './recordItem';
import type { KfRecord } from '../../client/types';
import type { ZonedFormatter } from '../../../shared/zonedTime';

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
 * One buffer for every file of an export, written record by record: a new buffer per file, or a
 * buffer doubled as it fills, would leave the old bytes behind as external memory that V8
 * collects only once tens of megabytes have piled up. It grows towards the size a full file has
 * at the average record size so far, so it is reallocated a few times in the first file and rarely after.
 */
class FileBuffer {
	private buffer = Buffer.alloc(0);
	private used = 0;

	constructor(private readonly recordsPerFile: number) {}

	/** Appends `text`; `records` is how many records the file holds with it. */
	append(text: string, records: number): void {
		const needed = this.used + Buffer.byteLength(text, 'utf8');
		if (needed > this.buffer.length) {
			// A full file at this average, an eighth more, but at most 16 times what is needed: a short
			// export reserves little, and the buffers left behind add up to about a fifteenth of the last.
			const full = Math.ceil(((needed / Math.max(records, 1)) * this.recordsPerFile * 9) / 8);
			const grown = Buffer.allocUnsafe(Math.max(needed, Math.min(full, 16 * needed), 4096));
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
 * is known. In memory: one page and one buffer a little larger than the largest file.
 */
export async function* recordFiles(
	pages: AsyncIterable<KfRecord[]>,
	format: RecordFileFormat,
	zone: ZonedFormatter,
	recordsPerFile: number,
): AsyncGenerator<RecordFile> {
	const file = new FileBuffer(recordsPerFile);
	let columns: string[] | undefined;
	let records = 0;
	let part = 0;
	const take = (last: boolean): RecordFile => {
		const taken = { part: ++part, last, records, bytes: file.take() };
		records = 0;
		return taken;
	};
	for await (const page of pages) {
		for (const record of page) {
			if (records === recordsPerFile) yield take(false);
			records++;
			if (format === 'jsonl') {
				file.append(`${JSON.stringify(describeRecord(record, zone))}\n`, records);
			} else {
				const item: DescribedRecord = describeRecord(record, zone);
				columns ??= [...ITEM_FIELDS, ...Object.keys(item).filter((key) => !ITEM_FIELDS.includes(key))];
				const row = csvRow(columns.map((c) => item[c]));
				file.append(records === 1 ? `\uFEFF${csvRow(columns)}${row}` : row, records);
			}
		}
	}
	if (format === 'csv' && part === 0 && records === 0) file.append(`\uFEFF${csvRow(ITEM_FIELDS)}`, 0);
	yield take(true);
}
