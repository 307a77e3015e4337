"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OPERCODE_NAMES = exports.MSG_LIST_WINDOW_SECONDS = exports.MAX_PAGE_SIZE = exports.LEGACY_RECORD_PATH = exports.MSG_LIST_PATH = void 0;
exports.operationName = operationName;
exports.validateRecordQuery = validateRecordQuery;
exports.recordWindows = recordWindows;
exports.iterateRecordPages = iterateRecordPages;
exports.iterateRecords = iterateRecords;
exports.describeRecord = describeRecord;
const errors_1 = require("./errors");
exports.MSG_LIST_PATH = '/customservice/msgrecord/getmsglist';
exports.LEGACY_RECORD_PATH = '/customservice/msgrecord/getrecord';
exports.MAX_PAGE_SIZE = { msgList: 10000, legacy: 50 };
exports.MSG_LIST_WINDOW_SECONDS = 86400;
const CHINA_OFFSET_SECONDS = 8 * 3600;
exports.OPERCODE_NAMES = {
    1000: 'sessionCreatedUnaccepted',
    1001: 'sessionAccepted',
    1002: 'sessionInitiated',
    1004: 'sessionClosed',
    1005: 'sessionGrabbed',
    2001: 'accountReceived',
    2002: 'agentSent',
    2003: 'agentReceived',
};
const OPERCODE_BY_OFFSET = Array.from({ length: Math.max(...Object.keys(exports.OPERCODE_NAMES).map(Number)) - 999 }, (_, offset) => exports.OPERCODE_NAMES[offset + 1000]);
function operationName(opercode) {
    return (typeof opercode === 'number' && OPERCODE_BY_OFFSET[opercode - 1000]) || 'unknown';
}
function isWholeNumber(v) {
    return typeof v === 'number' && Number.isSafeInteger(v);
}
function validateRecordQuery(q, now) {
    if (!isWholeNumber(q.startTime) || q.startTime < 0)
        throw new errors_1.WeChatInputError('startTime', 'is not a valid time');
    if (!isWholeNumber(q.endTime) || q.endTime < 0)
        throw new errors_1.WeChatInputError('endTime', 'is not a valid time');
    if (q.startTime > now)
        throw new errors_1.WeChatInputError('startTime', 'is in the future: there are no records yet');
    if (q.startTime > q.endTime)
        throw new errors_1.WeChatInputError('startTime', 'must not be after "End Time"');
    if (q.api !== 'msgList' && q.api !== 'legacy') {
        throw new errors_1.WeChatInputError('api', `must be "msgList" or "legacy", got "${String(q.api)}"`);
    }
    const max = exports.MAX_PAGE_SIZE[q.api];
    if (!isWholeNumber(q.pageSize) || q.pageSize < 1 || q.pageSize > max) {
        throw new errors_1.WeChatInputError('pageSize', `must be a whole number from 1 to ${max} for the ${q.api === 'legacy' ? 'legacy getrecord' : 'getmsglist'} API, got ${q.pageSize}`);
    }
    if (q.limit !== undefined && (!isWholeNumber(q.limit) || q.limit < 1)) {
        throw new errors_1.WeChatInputError('limit', `must be a whole number of at least 1, got ${q.limit}`);
    }
}
function* recordWindows(start, end, api) {
    for (let t = start; t <= end;) {
        const last = api === 'msgList'
            ? t + exports.MSG_LIST_WINDOW_SECONDS - 1
            : t - ((((t + CHINA_OFFSET_SECONDS) % 86400) + 86400) % 86400) + 86399;
        const windowEnd = Math.min(last, end);
        yield { start: t, end: windowEnd };
        t = windowEnd + 1;
    }
}
function pageFingerprint(records) {
    const first = records[0];
    const last = records[records.length - 1];
    const key = (r) => `${r.time}|${r.opercode}|${r.openid}|${r.worker}|${r.text}`;
    return `${records.length}#${key(first)}#${key(last)}`;
}
function pagingError(path, message) {
    return new errors_1.WeChatTransportError('invalidResponse', path, message);
}
function keep(q, filterOpenid) {
    const openid = filterOpenid ? q.openid : undefined;
    if (!openid && !q.worker)
        return undefined;
    return (r) => (!openid || r.openid === openid) && (!q.worker || r.worker === q.worker);
}
async function* iterateRecordPages(source, q, stats = { windows: 0, pages: 0 }) {
    let remaining = q.limit ?? Infinity;
    const filtersHere = q.api === 'msgList' ? !!(q.openid || q.worker) : !!q.worker;
    const filter = keep(q, q.api === 'msgList');
    for (const w of recordWindows(q.startTime, q.endTime, q.api)) {
        const seen = new Set();
        stats.windows++;
        for (let cursor = 1; remaining > 0;) {
            stats.pages++;
            const asked = q.api === 'msgList' && !filtersHere ? Math.min(q.pageSize, remaining) : q.pageSize;
            let records;
            let next = cursor + 1;
            if (q.api === 'msgList') {
                const page = await source.getMsgList({ starttime: w.start, endtime: w.end, msgid: cursor, number: asked });
                records = page.recordlist ?? [];
                next = page.msgid;
                if (records.length >= asked && (!isWholeNumber(next) || next <= cursor)) {
                    throw pagingError(exports.MSG_LIST_PATH, `WeChat's getmsglist did not advance its msgid cursor (sent msgid ${cursor}, a full page came back with msgid ${String(page.msgid)}); stopped to avoid reading the same records forever`);
                }
            }
            else {
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
                throw pagingError(q.api === 'msgList' ? exports.MSG_LIST_PATH : exports.LEGACY_RECORD_PATH, 'WeChat answered without a recordlist array');
            }
            const full = records.length >= asked;
            if (full) {
                const fp = pageFingerprint(records);
                if (seen.has(fp)) {
                    const where = q.api === 'msgList' ? `msgid ${cursor}` : `pageindex ${cursor}`;
                    throw pagingError(q.api === 'msgList' ? exports.MSG_LIST_PATH : exports.LEGACY_RECORD_PATH, `WeChat returned the same page of records again (${where}, window ${w.start}–${w.end}); stopped to avoid reading the same records forever`);
                }
                seen.add(fp);
            }
            let out = filter ? records.filter(filter) : records;
            if (out.length > remaining)
                out = out.slice(0, remaining);
            remaining -= out.length;
            if (out.length)
                yield out;
            if (!full)
                break;
            cursor = next;
        }
        if (remaining <= 0)
            return;
    }
}
async function* iterateRecords(source, q) {
    for await (const page of iterateRecordPages(source, q))
        yield* page;
}
const RECORD_FIELDS = ['worker', 'openid', 'text', 'opercode', 'time'];
function describeRecord(record, zone) {
    let fields = 0;
    for (const key in record)
        if (key)
            fields++;
    if (fields !== RECORD_FIELDS.length ||
        record.worker === undefined ||
        record.openid === undefined ||
        record.text === undefined ||
        record.opercode === undefined ||
        record.time === undefined) {
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
function describeUnusualRecord(record, zone) {
    const out = {
        time_iso: typeof record.time === 'number' ? zone.iso(record.time) : '',
        operation: operationName(record.opercode),
    };
    for (const key of RECORD_FIELDS)
        if (key in record)
            out[key] = record[key];
    for (const key of Object.keys(record))
        if (!(key in out))
            out[key] = record[key];
    return out;
}
