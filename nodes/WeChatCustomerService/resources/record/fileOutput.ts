import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { iterateRecordPages, type RecordPagingStats, type RecordQuery } from '../../client/records';
import { MAX_RECORDS_PER_FILE, RECORD_FILE_MIME_TYPES, recordFiles, type RecordFileFormat } from './recordFiles';
import type { KfClient } from '../../client/KfClient';
import type { ZonedFormatter } from '../../../shared/zonedTime';
import { outputFileFieldProperty } from '../../../shared/execution/binary';
import { inputError, numberParam, optionParam, stringParam } from '../../../shared/execution/input';

const showForFile = { show: { output: ['file'] } };

/** Records per File: the default lives here only (readRecordsPerFile falls back to it). */
const recordsPerFileProperty: INodeProperties = {
	displayName: 'Records per File',
	name: 'recordsPerFile',
	type: 'number',
	default: 50000,
	typeOptions: { minValue: 1, maxValue: MAX_RECORDS_PER_FILE },
	displayOptions: showForFile,
	description:
		'Most records in one file; a longer export is split into numbered files, one item each. A file is built in memory before it is stored.',
};

/** Record → Get Many's output choice and the file settings shown with it. */
export const recordOutputProperties: INodeProperties[] = [
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
				description:
					'One item per file of up to Records per File records, written page by page as WeChat answers: for exports of any size',
			},
		],
		description: 'Whether to output one item per record or the records in files',
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
				description:
					'UTF-8 with BOM (Excel opens Chinese text), a header row, RFC 4180 quoting; columns as the items’ fields. A cell starting with =, +, -, @, a tab or a carriage return gets a leading \' so spreadsheets show it as text, not a formula.',
			},
		],
		description: 'Format of the file',
	},
	recordsPerFileProperty,
	{ ...outputFileFieldProperty(), displayOptions: showForFile },
];

/** 2024-03-01T00:00:00+08:00 → 20240301-000000: file-name safe on every system. */
function compactTime(iso: string): string {
	return iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** A whole number of records from 1 to the most one file may hold. */
function readRecordsPerFile(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = numberParam(ctx, itemIndex, 'recordsPerFile', recordsPerFileProperty.default as number);
	if (!Number.isInteger(value) || value < 1 || value > MAX_RECORDS_PER_FILE) {
		throw inputError('recordsPerFile', `must be a whole number from 1 to ${MAX_RECORDS_PER_FILE}, got ${value}`);
	}
	return value;
}

/** 1 → "0001": part numbers that sort as text up to 9999 files. */
function partNumber(part: number): string {
	return String(part).padStart(4, '0');
}

/**
 * Writes every record of `query` into files of at most Records per File records through n8n's
 * binary-data helpers, each from one Buffer: every binary mode of n8n takes a Buffer (a stream
 * would need node:stream, and the in-memory and S3 modes read a stream whole anyway). A file is
 * stored before the next page is read, so memory holds one page and one file whatever the range.
 * One item per file; an export that fits in one file keeps the range's name, a longer one numbers
 * every file (`-part0001`, `-part0002`, …).
 */
export async function writeRecordFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	client: KfClient,
	query: RecordQuery,
	zone: ZonedFormatter,
): Promise<INodeExecutionData[]> {
	const format = optionParam<RecordFileFormat>(ctx, itemIndex, 'fileFormat', ['jsonl', 'csv'], 'jsonl', '"jsonl" or "csv"');
	const recordsPerFile = readRecordsPerFile(ctx, itemIndex);
	const property = stringParam(ctx, itemIndex, 'binaryPropertyName');
	const startTime = zone.iso(query.startTime);
	const endTime = zone.iso(query.endTime);
	const baseName = `wechat-chat-records-${compactTime(startTime)}-${compactTime(endTime)}`;
	const stats: RecordPagingStats = { windows: 0, pages: 0 };
	const stored = [];
	for await (const file of recordFiles(iterateRecordPages(client, query, stats), format, zone, recordsPerFile)) {
		const fileName = file.part === 1 && file.last ? `${baseName}.${format}` : `${baseName}-part${partNumber(file.part)}.${format}`;
		// The next file reuses file.bytes: by the time prepareBinaryData resolves, n8n has written or copied them.
		const binary = await ctx.helpers.prepareBinaryData(file.bytes, fileName, RECORD_FILE_MIME_TYPES[format]);
		stored.push({ records: file.records, part: file.part, fileName, binary });
	}
	return stored.map(({ records, part, fileName, binary }) => ({
		json: {
			records,
			part,
			parts: stored.length,
			startTime,
			endTime,
			windows: stats.windows,
			pages: stats.pages,
			fileName,
			fileFormat: format,
		},
		binary: { [property]: binary },
	}));
}
