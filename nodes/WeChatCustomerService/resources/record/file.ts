import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { iterateRecordPages, type RecordPagingStats, type RecordQuery } from '../../client/records';
import { RECORD_FILE_MIME_TYPES, recordFileStream, type RecordFileFormat } from '../../client/recordFile';
import type { KfClient } from '../../client/KfClient';
import type { ZonedFormatter } from '../../client/zonedTime';
import { inputError, stringParam } from '../../execution/input';

const showForFile = { show: { output: ['file'] } };

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
					'One item with every record of the range in a binary file, written page by page as WeChat answers: for exports of any size',
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

/** 2024-03-01T00:00:00+08:00 → 20240301-000000: file-name safe on every system. */
function compactTime(iso: string): string {
	return iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/**
 * Writes every record of `query` into one binary file through n8n's binary-data helpers, from a
 * stream that pulls WeChat's pages as the store writes: in filesystem binary mode memory stays at
 * one page whatever the range. Returns the one output item.
 */
export async function writeRecordFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	client: KfClient,
	query: RecordQuery,
	zone: ZonedFormatter,
): Promise<INodeExecutionData[]> {
	const format = ctx.getNodeParameter('fileFormat', itemIndex, 'jsonl') as RecordFileFormat;
	if (format !== 'jsonl' && format !== 'csv') {
		throw inputError(ctx, itemIndex, 'fileFormat', `must be "jsonl" or "csv", got "${String(format)}"`);
	}
	const property = stringParam(ctx, itemIndex, 'binaryPropertyName');
	const startTime = zone.iso(query.startTime);
	const endTime = zone.iso(query.endTime);
	const fileName = `wechat-chat-records-${compactTime(startTime)}-${compactTime(endTime)}.${format}`;
	const stats: RecordPagingStats = { windows: 0, pages: 0 };
	const progress = { records: 0 };
	const stream = recordFileStream(iterateRecordPages(client, query, stats), format, zone, progress);
	const binary = await ctx.helpers.prepareBinaryData(stream, fileName, RECORD_FILE_MIME_TYPES[format]);
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
