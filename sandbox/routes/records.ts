import { wxError } from '../errors';
import type { ReceivedRequest, Route, SandboxContext, SandboxResponse } from '../types';
import { jsonBody, requireKf } from './common';

export const MSG_LIST_PATH = '/customservice/msgrecord/getmsglist';
export const LEGACY_RECORD_PATH = '/customservice/msgrecord/getrecord';

function int(b: Record<string, unknown>, name: string): number {
	const v = b[name];
	if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw wxError(65416, `invalid query param ${name}`);
	return v;
}

/** The request body and its inclusive time range, after the checks both APIs share. */
function rangeOf(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const b = jsonBody(req);
	const start = int(b, 'starttime');
	const end = int(b, 'endtime');
	if (end < start) throw wxError(65416, 'invalid query param, endtime is earlier than starttime');
	return { b, start, end };
}

function chinaDay(unix: number): number {
	return Math.floor((unix + 8 * 3600) / 86400);
}

function recordsOut(sb: SandboxContext, from: number, to: number) {
	const list = [];
	for (let i = from; i < to; i++) list.push(sb.state.records.at(i));
	return list;
}

/**
 * POST getmsglist: starttime and endtime both inclusive and at most 24 h apart (86400 s
 * inclusive, else 65417), number 1–10000, msgid from 1. The reply's `msgid` is the msgid to
 * send next (WxJava's reading): after the last record returned, or the one sent when empty.
 */
export function msgList(req: ReceivedRequest, sb: SandboxContext): SandboxResponse {
	const { b, start, end } = rangeOf(req, sb);
	const msgid = int(b, 'msgid');
	const number = int(b, 'number');
	if (end - start + 1 > 86400) throw wxError(65417, 'starttime endtime range too long, at most 24 hours');
	if (number < 1 || number > 10000) throw wxError(65416, 'invalid query param number, at most 10000');
	if (msgid < 1) throw wxError(65416, 'invalid query param msgid, starts from 1');
	const store = sb.state.records;
	const [from, to] = store.timeRange(start, end);
	const first = store.lowerMsgid(msgid, from, to);
	const last = Math.min(to, first + number);
	const recordlist = recordsOut(sb, first, last);
	const next = last > first ? store.msgid[last - 1] + 1 : msgid;
	return { json: { recordlist, number: recordlist.length, msgid: next } };
}

/** POST getrecord (legacy): one China-time day per query, pagesize 1–50, pageindex from 1, optional openid. */
export function legacyRecords(req: ReceivedRequest, sb: SandboxContext): SandboxResponse {
	const { b, start, end } = rangeOf(req, sb);
	const pageindex = int(b, 'pageindex');
	const pagesize = int(b, 'pagesize');
	if (chinaDay(start) !== chinaDay(end)) throw wxError(65416, 'invalid query param, starttime and endtime must be on the same day');
	if (pagesize < 1 || pagesize > 50) throw wxError(65416, 'invalid query param pagesize, at most 50');
	if (pageindex < 1) throw wxError(65416, 'invalid query param pageindex, starts from 1');
	const openid = b.openid === undefined || b.openid === '' ? undefined : String(b.openid);
	const store = sb.state.records;
	const [from, to] = store.timeRange(start, end);
	const offset = (pageindex - 1) * pagesize;
	if (!openid) return { json: { recordlist: recordsOut(sb, Math.min(to, from + offset), Math.min(to, from + offset + pagesize)) } };
	const matching: number[] = [];
	for (let i = from; i < to && matching.length < offset + pagesize; i++) {
		if (store.openid[i] === openid) matching.push(i);
	}
	const recordlist = matching.slice(offset).map((i) => sb.state.records.at(i));
	return { json: { recordlist } };
}

export const recordRoutes: Route[] = [
	{ method: 'POST', path: MSG_LIST_PATH, handler: msgList },
	{ method: 'POST', path: LEGACY_RECORD_PATH, handler: legacyRecords },
];
