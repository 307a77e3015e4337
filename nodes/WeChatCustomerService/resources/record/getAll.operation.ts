import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError, numberParam, optionParam, stringParam } from '../../../shared/execution/input';
import { validateOpenid } from '../../client/accounts';
import type { OperationDefinition } from '../../execution/types';
import { MAX_PAGE_SIZE, validateRecordQuery, type RecordApi, type RecordQuery } from '../../client/records';
import { describeRecord, type DescribedRecord } from './recordItem';
import { parseIsoInZone } from '../../../shared/zonedTime';
import { optionsCollection, readLimit, returnAllProperties, workflowTimeFormatter } from '../../../shared/execution/parameters';
import { recordOutputProperties, writeRecordFile } from './fileOutput';

/**
 * A dateTime parameter as unix seconds: the editor's "2024-05-01T09:00:00" is wall time in the
 * workflow's time zone; an ISO string with an offset, a Date, a Luxon DateTime ($now) or a
 * number (unix seconds, or milliseconds when that large) is an absolute instant.
 */
function readTime(ctx: IExecuteFunctions, itemIndex: number, name: string, timeZone: string): number | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === undefined || raw === null || raw === '') return undefined;
	let value: unknown = raw;
	if (typeof value === 'object') {
		const obj = value as { toISO?: () => string; toISOString?: () => string };
		if (typeof obj.toISO === 'function') value = obj.toISO();
		else if (typeof obj.toISOString === 'function') value = obj.toISOString();
	}
	let seconds: number | undefined;
	if (typeof value === 'number' && Number.isFinite(value)) {
		seconds = Math.floor(Math.abs(value) >= 1e11 ? value / 1000 : value);
	} else if (typeof value === 'string') {
		seconds = parseIsoInZone(value, timeZone);
	}
	if (seconds === undefined || seconds < 0) {
		throw inputError(
			name,
			`is not a valid date and time, got ${JSON.stringify(typeof raw === 'object' ? String(raw) : raw)} (use e.g. 2024-05-01T09:00:00)`,
		);
	}
	return seconds;
}

/** The optional customer filter: WeChat's legacy API receives it, so it is checked like any openid. */
function optionalOpenid(value: string): string | undefined {
	return value ? validateOpenid(value, 'options.openid') : undefined;
}

export const getAllRecords: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many chat records',
		description: 'Page through every chat record of a time range of any length (getmsglist or legacy getrecord)',
	},
	api: `${apiLine(KF_CALLS.msgList)} (Options → API: legacy ${apiLine(KF_CALLS.legacyRecords)})`,
	properties: [
		{
			displayName: 'Start Time',
			name: 'startTime',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				"First moment to include (inclusive). Read in the workflow's time zone unless the value carries an offset.",
		},
		{
			displayName: 'End Time',
			name: 'endTime',
			type: 'dateTime',
			default: '',
			description: 'Last moment to include (inclusive). Empty means now; a time in the future is read as now.',
		},
		...returnAllProperties(),
		...recordOutputProperties,
		optionsCollection([
			{
				displayName: 'API',
				name: 'api',
				type: 'options',
				default: 'msgList',
				options: [
					{
						name: 'Get Message List',
						value: 'msgList',
						description: 'POST /customservice/msgrecord/getmsglist: up to 10000 records per request, 24-hour windows',
					},
					{
						name: 'Legacy Get Record',
						value: 'legacy',
						description: 'POST /customservice/msgrecord/getrecord: up to 50 records per request, one China-time day per query',
					},
				],
				description: 'Which WeChat API to read the records with',
			},
			{
				displayName: 'Agent Account',
				name: 'worker',
				type: 'string',
				default: '',
				placeholder: 'alice@gh_1234567890ab',
				description: 'Only records of this agent (kf_account). Filtered by the node: WeChat has no such filter.',
			},
			{
				displayName: 'Customer OpenID',
				name: 'openid',
				type: 'string',
				default: '',
				description:
					'Only records of this customer. The legacy API filters on WeChat’s side; getmsglist has no such field, so the node filters the records it reads.',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				default: 10000,
				typeOptions: { minValue: 1, maxValue: 10000 },
				description:
					'Records per request. At most 10000 with Get Message List (default 10000), at most 50 with Legacy Get Record (default 50).',
			},
		]),
	],
	async execute({ itemIndex, client }) {
		const zone = workflowTimeFormatter(this);
		const now = Math.floor(Date.now() / 1000);
		const startTime = readTime(this, itemIndex, 'startTime', zone.timeZone);
		if (startTime === undefined) throw inputError('startTime', 'is required but empty');
		const endTime = Math.min(readTime(this, itemIndex, 'endTime', zone.timeZone) ?? now, now);
		const api = optionParam<RecordApi>(this, itemIndex, 'options.api', ['msgList', 'legacy'], 'msgList', '"msgList" or "legacy"');
		const query: RecordQuery = {
			startTime,
			endTime,
			api,
			pageSize: numberParam(this, itemIndex, 'options.pageSize', MAX_PAGE_SIZE[api] ?? 0),
			openid: optionalOpenid(stringParam(this, itemIndex, 'options.openid', { optional: true })),
			worker: stringParam(this, itemIndex, 'options.worker', { optional: true }) || undefined,
			limit: readLimit(this, itemIndex),
		};
		validateRecordQuery(query, now);
		const output = optionParam(this, itemIndex, 'output', ['items', 'file'], 'items', '"items" or "file"');
		if (output === 'file') return await writeRecordFile(this, itemIndex, client, query, zone);
		const out: DescribedRecord[] = [];
		// Page by page: each record becomes its output object.
		for await (const page of client.iterateRecordPages(query)) {
			for (const record of page) out.push(describeRecord(record, zone));
		}
		return out;
	},
};
