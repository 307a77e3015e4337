"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readMessage = readMessage;
exports.pushType = pushType;
exports.isEvent = isEvent;
exports.toItem = toItem;
const zonedTime_1 = require("../client/zonedTime");
const errors_1 = require("./errors");
function text(fields, name) {
    const value = fields[name];
    if (typeof value !== 'string' || value === '') {
        throw new errors_1.PushRejected(400, `The message has no ${name}`);
    }
    return value;
}
function readMessage(fields) {
    const createTime = text(fields, 'CreateTime').trim();
    if (!/^\d{1,12}$/.test(createTime))
        throw new errors_1.PushRejected(400, 'The message has no valid CreateTime');
    return {
        fields,
        ToUserName: text(fields, 'ToUserName'),
        FromUserName: text(fields, 'FromUserName'),
        CreateTime: Number(createTime),
        MsgType: text(fields, 'MsgType'),
    };
}
function pushType(m) {
    const event = m.fields.Event;
    if (m.MsgType.toLowerCase() === 'event')
        return typeof event === 'string' ? event.toLowerCase() : 'event';
    return m.MsgType.toLowerCase();
}
function isEvent(m) {
    return m.MsgType.toLowerCase() === 'event';
}
const formatters = new Map();
function isoIn(unix, timeZone) {
    let f = formatters.get(timeZone);
    if (!f) {
        f = new zonedTime_1.ZonedFormatter(timeZone);
        formatters.set(timeZone, f);
    }
    return f.iso(unix);
}
function toItem(m, extra) {
    const item = {
        ...m.fields,
        ToUserName: m.ToUserName,
        FromUserName: m.FromUserName,
        CreateTime: m.CreateTime,
        MsgType: m.MsgType,
        openid: m.FromUserName,
        createTimeIso: isoIn(m.CreateTime, extra.timeZone),
        encrypted: extra.encrypted,
        reply: extra.reply,
    };
    if (extra.rawXml !== undefined)
        item.rawXml = extra.rawXml;
    return item;
}
