"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordRoutes = exports.LEGACY_RECORD_PATH = exports.MSG_LIST_PATH = void 0;
exports.msgList = msgList;
exports.legacyRecords = legacyRecords;
const errors_1 = require("../errors");
const common_1 = require("./common");
exports.MSG_LIST_PATH = '/customservice/msgrecord/getmsglist';
exports.LEGACY_RECORD_PATH = '/customservice/msgrecord/getrecord';
function int(b, name) {
    const v = b[name];
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
        throw (0, errors_1.wxError)(65416, `invalid query param ${name}`);
    return v;
}
function rangeOf(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const b = (0, common_1.jsonBody)(req);
    const start = int(b, 'starttime');
    const end = int(b, 'endtime');
    if (end < start)
        throw (0, errors_1.wxError)(65416, 'invalid query param, endtime is earlier than starttime');
    return { b, start, end };
}
function chinaDay(unix) {
    return Math.floor((unix + 8 * 3600) / 86400);
}
function recordsOut(sb, from, to) {
    const list = [];
    for (let i = from; i < to; i++)
        list.push(sb.state.records.at(i));
    return list;
}
function msgList(req, sb) {
    const { b, start, end } = rangeOf(req, sb);
    const msgid = int(b, 'msgid');
    const number = int(b, 'number');
    if (end - start + 1 > 86400)
        throw (0, errors_1.wxError)(65417, 'starttime endtime range too long, at most 24 hours');
    if (number < 1 || number > 10000)
        throw (0, errors_1.wxError)(65416, 'invalid query param number, at most 10000');
    if (msgid < 1)
        throw (0, errors_1.wxError)(65416, 'invalid query param msgid, starts from 1');
    const store = sb.state.records;
    const [from, to] = store.timeRange(start, end);
    const first = store.lowerMsgid(msgid, from, to);
    const last = Math.min(to, first + number);
    const recordlist = recordsOut(sb, first, last);
    const next = last > first ? store.msgid[last - 1] + 1 : msgid;
    return { json: { recordlist, number: recordlist.length, msgid: next } };
}
function legacyRecords(req, sb) {
    const { b, start, end } = rangeOf(req, sb);
    const pageindex = int(b, 'pageindex');
    const pagesize = int(b, 'pagesize');
    if (chinaDay(start) !== chinaDay(end))
        throw (0, errors_1.wxError)(65416, 'invalid query param, starttime and endtime must be on the same day');
    if (pagesize < 1 || pagesize > 50)
        throw (0, errors_1.wxError)(65416, 'invalid query param pagesize, at most 50');
    if (pageindex < 1)
        throw (0, errors_1.wxError)(65416, 'invalid query param pageindex, starts from 1');
    const openid = b.openid === undefined || b.openid === '' ? undefined : String(b.openid);
    const store = sb.state.records;
    const [from, to] = store.timeRange(start, end);
    const offset = (pageindex - 1) * pagesize;
    if (!openid)
        return { json: { recordlist: recordsOut(sb, Math.min(to, from + offset), Math.min(to, from + offset + pagesize)) } };
    const matching = [];
    for (let i = from; i < to && matching.length < offset + pagesize; i++) {
        if (store.openid[i] === openid)
            matching.push(i);
    }
    const recordlist = matching.slice(offset).map((i) => sb.state.records.at(i));
    return { json: { recordlist } };
}
exports.recordRoutes = [
    { method: 'POST', path: exports.MSG_LIST_PATH, handler: msgList },
    { method: 'POST', path: exports.LEGACY_RECORD_PATH, handler: legacyRecords },
];
