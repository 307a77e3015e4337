// Chat records (msgrecord/getmsglist and the legacy getrecord): windows, paging and guards. Knows nothing of n8n.
import { WeChatInputError } from '../../shared/errors';
import { WeChatTransportError } from '../../shared/transport/errors';
import { KF_CALLS } from './calls';
import type { KfRecord } from './types';

export const MSG_LIST_PATH = KF_CALLS.msgList.path;
export const LEGACY_RECORD_PATH = KF_CALLS.legacyRecords.path;

export type RecordApi = 'msgList' | 'legacy';

/** WeChat's page caps: getmsglist `number` ≤ 10000; getrecord `pagesize` ≤ 50. */
export const MAX_PAGE_SIZE: Record<RecordApi, number> = { msgList: 10000, legacy: 50 };

/** getmsglist accepts at most 24 h per query; both ends are inclusive, so a window spans 86400 s. */
const MSG_LIST_WINDOW_SECONDS = 86400;

/** China time (Asia/Shanghai) is UTC+8 all year: the legacy API's calendar day. */
const CHINA_OFFSET_SECONDS = 8 * 3600;

export interface RecordQuery {
	/** Unix seconds, inclusive. */
	startTime: number;
	/** Unix seconds, inclusive. */
	endTime: number;
	api: RecordApi;
	pageSize: number;
	/** Only this customer: sent to getrecord; getmsglist has no such field, so it is filtered here. */
	openid?: string;
	/** Only this agent (kf_account): filtered here, neither API has the field. */
	worker?: string;
	/** Stop requesting once this many (matching) records were yielded. */
	limit?: number;
}

export interface MsgListRequest {
	starttime: number;
	endtime: number;
	msgid: number;
	number: number;
}

export interface MsgListPage {
	recordlist?: KfRecord[];
	number?: number;
	msgid?: number;
	[key: string]: unknown;
}

export interface LegacyRecordRequest {
	starttime: number;
	endtime: number;
	pageindex: number;
	pagesize: number;
	openid?: string;
}

export interface LegacyRecordPage {
	recordlist?: KfRecord[];
	[key: string]: unknown;
}

/** The two WeChat calls the iterator pages through (KfClient implements them). */
interface RecordSource {
	getMsgList(request: MsgListRequest): Promise<MsgListPage>;
	getRecordPage(request: LegacyRecordRequest): Promise<LegacyRecordPage>;
}

function isWholeNumber(v: unknown): v is number {
	return typeof v === 'number' && Number.isSafeInteger(v);
}

/** Checks a query before any request; `now` in unix seconds. Field names are the node's parameters. */
export function validateRecordQuery(q: RecordQuery, now: number): void {
	if (!isWholeNumber(q.startTime) || q.startTime < 0) throw new WeChatInputError('startTime', 'is not a valid time');
	if (!isWholeNumber(q.endTime) || q.endTime < 0) throw new WeChatInputError('endTime', 'is not a valid time');
	if (q.startTime > now) throw new WeChatInputError('startTime', 'is in the future: there are no records yet');
	if (q.startTime > q.endTime) throw new WeChatInputError('startTime', 'must not be after "End Time"');
	if (q.api !== 'msgList' && q.api !== 'legacy') {
		throw new WeChatInputError('api', `must be "msgList" or "legacy", got "${String(q.api)}"`);
	}
	const max = MAX_PAGE_SIZE[q.api];
	if (!isWholeNumber(q.pageSize) || q.pageSize < 1 || q.pageSize > max) {
		throw new WeChatInputError(
			'pageSize',
			`must be a whole number from 1 to ${max} for the ${q.api === 'legacy' ? 'legacy getrecord' : 'getmsglist'} API, got ${q.pageSize}`,
		);
	}
	if (q.limit !== undefined && (!isWholeNumber(q.limit) || q.limit < 1)) {
		throw new WeChatInputError('limit', `must be a whole number of at least 1, got ${q.limit}`);
	}
}

interface TimeWindow {
	start: number;
	end: number;
}

/**
 * Consecutive inclusive windows covering [start, end] exactly once: ≤ 86400 s each for
 * getmsglist ([t, t+86399], [t+86400, …]); one calendar day in China time for getrecord.
 */
export function* recordWindows(start: number, end: number, api: RecordApi): Generator<TimeWindow> {
	for (let t = start; t <= end; ) {
		const last =
			api === 'msgList'
				? t + MSG_LIST_WINDOW_SECONDS - 1
				: t - ((((t + CHINA_OFFSET_SECONDS) % 86400) + 86400) % 86400) + 86399;
		const windowEnd = Math.min(last, end);
		yield { start: t, end: windowEnd };
		t = windowEnd + 1;
	}
}

function pageFingerprint(records: KfRecord[]): string {
	const first = records[0];
	const last = records[records.length - 1];
	const key = (r: KfRecord) => `${r.time}|${r.opercode}|${r.openid}|${r.worker}|${r.text}`;
	return `${records.length}#${key(first)}#${key(last)}`;
}

function pagingError(path: string, message: string): WeChatTransportError {
	return new WeChatTransportError('invalidResponse', path, message);
}

function keep(q: RecordQuery, filterOpenid: boolean): ((r: KfRecord) => boolean) | undefined {
	const openid = filterOpenid ? q.openid : undefined;
	if (!openid && !q.worker) return undefined;
	return (r) => (!openid || r.openid === openid) && (!q.worker || r.worker === q.worker);
}

/** What a paging run asked WeChat for: windows queried and page requests sent. */
export interface RecordPagingStats {
	windows: number;
	pages: number;
}

/**
 * Every record of the query, page by page, in WeChat's order. Lazy: nothing is requested before
 * the consumer asks, and breaking out of the loop sends no further request. Each page is handed
 * on once (filtered in place), so memory is what the consumer keeps.
 */
export async function* iterateRecordPages(
	source: RecordSource,
	q: RecordQuery,
	stats: RecordPagingStats = { windows: 0, pages: 0 },
): AsyncGenerator<KfRecord[]> {
	let remaining = q.limit ?? Infinity;
	// getmsglist cannot filter: ask for only what is still wanted when every record counts.
	const filtersHere = q.api === 'msgList' ? !!(q.openid || q.worker) : !!q.worker;
	const filter = keep(q, q.api === 'msgList');
	for (const w of recordWindows(q.startTime, q.endTime, q.api)) {
		const seen = new Set<string>();
		stats.windows++;
		for (let cursor = 1; remaining > 0; ) {
			stats.pages++;
			const asked = q.api === 'msgList' && !filtersHere ? Math.min(q.pageSize, remaining) : q.pageSize;
			let records: KfRecord[];
			let next = cursor + 1;
			if (q.api === 'msgList') {
				const page = await source.getMsgList({ starttime: w.start, endtime: w.end, msgid: cursor, number: asked });
				records = page.recordlist ?? [];
				next = page.msgid as number;
				if (records.length >= asked && (!isWholeNumber(next) || next <= cursor)) {
					throw pagingError(
						MSG_LIST_PATH,
						`WeChat's getmsglist did not advance its msgid cursor (sent msgid ${cursor}, a full page came back with msgid ${String(page.msgid)}); stopped to avoid reading the same records forever`,
					);
				}
			} else {
				const page = await source.getRecordPage({
					starttime: w.start,
					endtime: w.end,
					pageindex: cursor,
					pagesize: asked,
					...(q.openid ? { openid: q.openid } : {}),
				});
				records = page.recordlist ?? [];
			}
			if (!Array.isArray(records)) {
				throw pagingError(q.api === 'msgList' ? MSG_LIST_PATH : LEGACY_RECORD_PATH, 'WeChat answered without a recordlist array');
			}
			const full = records.length >= asked;
			if (full) {
				const fp = pageFingerprint(records);
				if (seen.has(fp)) {
					const where = q.api === 'msgList' ? `msgid ${cursor}` : `pageindex ${cursor}`;
					throw pagingError(
						q.api === 'msgList' ? MSG_LIST_PATH : LEGACY_RECORD_PATH,
						`WeChat returned the same page of records again (${where}, window ${w.start}–${w.end}); stopped to avoid reading the same records forever`,
					);
				}
				seen.add(fp);
			}
			let out = filter ? records.filter(filter) : records;
			if (out.length > remaining) out = out.slice(0, remaining);
			remaining -= out.length;
			if (out.length) yield out;
			if (!full) break;
			cursor = next;
		}
		if (remaining <= 0) return;
	}
}
