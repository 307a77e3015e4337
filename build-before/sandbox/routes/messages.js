"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.messageRoutes = exports.TEXT_MAX_BYTES = void 0;
const conversations_1 = require("../conversations");
const errors_1 = require("../errors");
const common_1 = require("./common");
exports.TEXT_MAX_BYTES = 2048;
const SHAPES = {
    text: { content: 'required' },
    image: { media_id: 'required' },
    voice: { media_id: 'required' },
    video: { media_id: 'required', thumb_media_id: 'required', title: 'optional', description: 'optional' },
    music: {
        title: 'optional',
        description: 'optional',
        musicurl: 'required',
        hqmusicurl: 'required',
        thumb_media_id: 'required',
    },
    news: {
        articles: {
            list: { title: 'required', description: 'optional', url: 'required', picurl: 'optional' },
            min: 1,
            max: 1,
            tooMany: 45008,
        },
    },
    mpnews: { media_id: 'required' },
    mpnewsarticle: { article_id: 'required' },
    msgmenu: {
        head_content: 'optional',
        list: { list: { id: 'required', content: 'required' }, min: 1 },
        tail_content: 'optional',
    },
    wxcard: { card_id: 'required' },
    miniprogrampage: { title: 'required', appid: 'required', pagepath: 'required', thumb_media_id: 'required' },
};
function formatError(where, problem) {
    throw (0, errors_1.wxError)(47001, `data format error: ${where} ${problem}`);
}
function checkObject(value, shape, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        formatError(where, 'must be an object');
    const obj = value;
    for (const key of Object.keys(obj))
        if (!(key in shape))
            formatError(`${where}.${key}`, 'is not a field of this type');
    for (const [key, need] of Object.entries(shape)) {
        const field = obj[key];
        if (typeof need === 'object') {
            if (!Array.isArray(field))
                formatError(`${where}.${key}`, 'must be a list');
            if (need.max !== undefined && field.length > need.max) {
                throw (0, errors_1.wxError)(need.tooMany ?? 47001, `article size out of limit: ${where}.${key} has ${field.length}`);
            }
            if (field.length < need.min)
                formatError(`${where}.${key}`, `needs at least ${need.min} entry`);
            field.forEach((entry, i) => checkObject(entry, need.list, `${where}.${key}[${i}]`));
            continue;
        }
        if (field === undefined) {
            if (need === 'required')
                formatError(`${where}.${key}`, 'is missing');
            continue;
        }
        if (typeof field !== 'string')
            formatError(`${where}.${key}`, 'must be a string');
        if (need === 'required' && field === '')
            formatError(`${where}.${key}`, 'is empty');
    }
}
function requireWindow(sb, customer) {
    const now = sb.clock.now();
    if (now - customer.lastMessageAt > conversations_1.SERVICE_WINDOW_SECONDS) {
        throw (0, errors_1.wxError)(45015, 'response out of time limit or subscription is canceled');
    }
    return now;
}
function sendMessage(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const body = (0, common_1.jsonBody)(req);
    if (typeof body.touser !== 'string' || !body.touser)
        formatError('touser', 'is missing');
    const msgtype = body.msgtype;
    if (typeof msgtype !== 'string' || !(msgtype in SHAPES))
        throw (0, errors_1.wxError)(40008, 'invalid message type');
    for (const key of Object.keys(body)) {
        if (!['touser', 'msgtype', 'customservice', msgtype].includes(key))
            formatError(key, 'is not expected');
    }
    checkObject(body[msgtype], SHAPES[msgtype], msgtype);
    if (msgtype === 'text') {
        const content = body.text.content;
        if (Buffer.byteLength(content, 'utf8') > exports.TEXT_MAX_BYTES)
            throw (0, errors_1.wxError)(45002, 'content size out of limit');
    }
    let kfAccount;
    if (body.customservice !== undefined) {
        checkObject(body.customservice, { kf_account: 'required' }, 'customservice');
        kfAccount = (0, common_1.knownAgent)(sb, body.customservice.kf_account).kf_account;
    }
    const customer = (0, common_1.knownCustomer)(sb, body.touser);
    const now = requireWindow(sb, customer);
    if (customer.sentSinceLastMessage >= conversations_1.MESSAGES_PER_CUSTOMER_MESSAGE) {
        throw (0, errors_1.wxError)(45047, 'out of response count limit');
    }
    customer.sentSinceLastMessage += 1;
    sb.state.conversations.sent.push({ touser: customer.openid, msgtype, body, kf_account: kfAccount, at: now });
    return { json: { errcode: 0, errmsg: 'ok' } };
}
function typing(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const body = (0, common_1.jsonBody)(req);
    checkObject(body, { touser: 'required', command: 'required' }, 'body');
    const command = body.command;
    if (command !== 'Typing' && command !== 'CancelTyping')
        formatError('command', 'must be Typing or CancelTyping');
    const customer = (0, common_1.knownCustomer)(sb, body.touser);
    const now = requireWindow(sb, customer);
    sb.state.conversations.typing.push({ openid: customer.openid, command, at: now });
    return { json: { errcode: 0, errmsg: 'ok' } };
}
exports.messageRoutes = [
    { method: 'POST', path: '/cgi-bin/message/custom/send', handler: sendMessage },
    { method: 'POST', path: '/cgi-bin/message/custom/typing', handler: typing },
];
