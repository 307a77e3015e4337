// A chat record as the node outputs it: readable fields first, the opercode named.
import type { KfRecord } from '../../client/types';
import type { ZonedFormatter } from '../../../shared/zonedTime';

/** The opercodes WeChat documents for a record (as listed by the Go SDK's mp/dkf Record.OperCode). */
const OPERCODE_NAMES: Readonly<Record<number, string>> = {
	1000: 'sessionCreatedUnaccepted',
	1001: 'sessionAccepted',
	1002: 'sessionInitiated',
	1004: 'sessionClosed',
	1005: 'sessionGrabbed',
	2001: 'accountReceived',
	2002: 'agentSent',
	2003: 'agentReceived',
};

/** OPERCODE_NAMES by opercode − 1000: an array index per record instead of a hash lookup. */
const OPERCODE_BY_OFFSET: readonly (string | undefined)[] = Array.from(
	{ length: Math.max(...Object.keys(OPERCODE_NAMES).map(Number)) - 999 },
	(_, offset) => OPERCODE_NAMES[offset + 1000],
);

export function operationName(opercode: unknown): string {
	return (typeof opercode === 'number' && OPERCODE_BY_OFFSET[opercode - 1000]) || 'unknown';
}

export interface DescribedRecord extends KfRecord {
	time_iso: string;
	operation: string;
}

/** WeChat's record fields, in output order; any other field WeChat sends comes after them. */
const RECORD_FIELDS = ['worker', 'openid', 'text', 'opercode', 'time'] as const;

/**
 * A record as output, readable fields first: `time_iso` (ISO 8601 in `zone`), `operation` (the
 * opercode's name), WeChat's `worker`, `openid`, `text`, then the raw `opercode` and `time`, then
 * any further field WeChat sent. A record of exactly WeChat's five fields (all of them, in
 * practice) becomes one object literal of a fixed shape: cheaper than adding fields to the
 * parsed object, which dies young.
 */
export function describeRecord(record: KfRecord, zone: ZonedFormatter): DescribedRecord {
	let fields = 0;
	for (const key in record) if (key) fields++;
	if (
		fields !== RECORD_FIELDS.length ||
		record.worker === undefined ||
		record.openid === undefined ||
		record.text === undefined ||
		record.opercode === undefined ||
		record.time === undefined
	) {
		return describeUnusualRecord(record, zone);
	}
	return {
		time_iso: zone.iso(record.time),
		operation: operationName(record.opercode),
		worker: record.worker,
		openid: record.openid,
		text: record.text,
		opercode: record.opercode,
		time: record.time,
	};
}

/** The same order for a record with a field missing or added. */
function describeUnusualRecord(record: KfRecord, zone: ZonedFormatter): DescribedRecord {
	const out = {
		time_iso: typeof record.time === 'number' ? zone.iso(record.time) : '',
		operation: operationName(record.opercode),
	} as DescribedRecord;
	for (const key of RECORD_FIELDS) if (key in record) out[key] = record[key] as never;
	for (const key of Object.keys(record)) if (!(key in out)) out[key] = record[key];
	return out;
}
