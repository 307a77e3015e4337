"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TYPING_COMMANDS = exports.NEWS_ARTICLES = exports.MAX_TEXT_BYTES = exports.MESSAGE_TYPES = void 0;
exports.utf8Bytes = utf8Bytes;
exports.isHttpUrl = isHttpUrl;
exports.requireValue = requireValue;
exports.checkText = checkText;
exports.checkUrl = checkUrl;
exports.customMessageBody = customMessageBody;
exports.checkNewsArticles = checkNewsArticles;
exports.checkMenuItems = checkMenuItems;
const errors_1 = require("./errors");
exports.MESSAGE_TYPES = [
    'text',
    'image',
    'voice',
    'video',
    'music',
    'news',
    'mpnews',
    'mpnewsarticle',
    'msgmenu',
    'wxcard',
    'miniprogrampage',
];
exports.MAX_TEXT_BYTES = 2048;
exports.NEWS_ARTICLES = 1;
function utf8Bytes(value) {
    return Buffer.byteLength(value, 'utf8');
}
function isHttpUrl(value) {
    if (!/^https?:\/\/[^\s/]+/i.test(value))
        return false;
    try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    }
    catch {
        return false;
    }
}
function requireValue(field, value) {
    if (!value)
        throw new errors_1.WeChatInputError(field, 'is required but empty');
    return value;
}
function checkText(field, value) {
    if (!value.trim())
        throw new errors_1.WeChatInputError(field, 'is required but empty');
    const bytes = utf8Bytes(value);
    if (bytes > exports.MAX_TEXT_BYTES) {
        throw new errors_1.WeChatInputError(field, `is ${bytes} bytes in UTF-8; WeChat accepts at most ${exports.MAX_TEXT_BYTES} bytes in one text message (about ${Math.floor(exports.MAX_TEXT_BYTES / 3)} Chinese characters). Split it into several messages`);
    }
    return value;
}
function checkUrl(field, value) {
    if (!isHttpUrl(value)) {
        throw new errors_1.WeChatInputError(field, `must be an http:// or https:// URL, got "${value}"`);
    }
    return value;
}
function customMessageBody(message) {
    const body = {
        touser: message.touser,
        msgtype: message.msgtype,
        [message.msgtype]: message.payload,
    };
    if (message.kfAccount)
        body.customservice = { kf_account: message.kfAccount };
    return body;
}
function checkNewsArticles(field, articles) {
    if (articles.length !== exports.NEWS_ARTICLES) {
        throw new errors_1.WeChatInputError(field, `must hold exactly ${exports.NEWS_ARTICLES} article (WeChat sends one article per customer-service news message), got ${articles.length}`);
    }
    return articles;
}
function checkMenuItems(field, items) {
    if (!items.length)
        throw new errors_1.WeChatInputError(field, 'needs at least one menu item');
    return items.map((item, i) => {
        const id = requireValue(`${field}[${i}].id`, String(item.id ?? '').trim());
        const content = requireValue(`${field}[${i}].content`, String(item.content ?? '').trim());
        return { id, content };
    });
}
exports.TYPING_COMMANDS = {
    typing: 'Typing',
    cancel: 'CancelTyping',
};
