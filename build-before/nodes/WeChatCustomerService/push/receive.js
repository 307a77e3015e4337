"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rejection = rejection;
exports.receivePush = receivePush;
const crypto_1 = require("./crypto");
const dedup_1 = require("./dedup");
const errors_1 = require("./errors");
const message_1 = require("./message");
const reply_1 = require("./reply");
const signature_1 = require("./signature");
const xml_1 = require("./xml");
const TEXT = 'text/plain; charset=utf-8';
const XML = 'text/xml; charset=utf-8';
function rejection(error) {
    return { status: error.status, contentType: TEXT, body: error.message, note: error.message };
}
function queryString(query, name) {
    const value = query[name];
    return typeof value === 'string' ? value : undefined;
}
function checkTimestamp(timestamp, maxAgeSeconds, nowMs) {
    if (!/^\d{1,12}$/.test(timestamp))
        throw new errors_1.PushRejected(401, 'The timestamp is missing or not a number');
    if (maxAgeSeconds > 0 && Math.abs(nowMs / 1000 - Number(timestamp)) > maxAgeSeconds) {
        throw new errors_1.PushRejected(401, `The timestamp is more than ${maxAgeSeconds} seconds away from this server's clock`);
    }
}
function checkSignature(s, query, opts, nowMs) {
    const timestamp = queryString(query, 'timestamp') ?? '';
    const nonce = queryString(query, 'nonce') ?? '';
    if (!(0, signature_1.signatureMatches)((0, signature_1.pushSignature)(s.token, timestamp, nonce), query.signature)) {
        throw new errors_1.PushRejected(401, 'The signature is not valid');
    }
    checkTimestamp(timestamp, opts.maxAgeSeconds, nowMs);
    return { timestamp, nonce };
}
function verify(req) {
    const echostr = queryString(req.query, 'echostr');
    if (echostr === undefined)
        throw new errors_1.PushRejected(401, 'The verification request has no echostr');
    return { status: 200, contentType: TEXT, body: echostr };
}
function open(s, req, opts, nowMs) {
    const body = req.rawBody ?? Buffer.alloc(0);
    const encryptType = queryString(req.query, 'encrypt_type');
    if (encryptType === undefined || encryptType === '' || encryptType === 'raw') {
        checkSignature(s, req.query, opts, nowMs);
        return { xml: body, encrypted: false };
    }
    if (encryptType !== 'aes')
        throw new errors_1.PushRejected(400, 'The encrypt_type is neither raw nor aes');
    const envelope = (0, xml_1.parseWeChatXml)(body);
    const encrypt = envelope.Encrypt;
    if (typeof encrypt !== 'string' || encrypt === '')
        throw new errors_1.PushRejected(400, 'The encrypted push has no Encrypt');
    const timestamp = queryString(req.query, 'timestamp') ?? '';
    const nonce = queryString(req.query, 'nonce') ?? '';
    if (!(0, signature_1.signatureMatches)((0, signature_1.pushSignature)(s.token, timestamp, nonce, encrypt), req.query.msg_signature)) {
        throw new errors_1.PushRejected(401, 'The msg_signature is not valid');
    }
    if (req.query.signature !== undefined)
        checkSignature(s, req.query, opts, nowMs);
    else
        checkTimestamp(timestamp, opts.maxAgeSeconds, nowMs);
    if (!s.aesKey || !s.appId) {
        throw new errors_1.PushRejected(401, 'The push is encrypted but the credential has no EncodingAESKey and AppID');
    }
    return { xml: (0, crypto_1.decryptMessage)(s.aesKey, encrypt, s.appId), encrypted: true };
}
function wantsTransfer(opts, fields, event) {
    if (event || opts.reply === 'acknowledge')
        return false;
    if (opts.reply === 'transfer')
        return true;
    const content = fields.Content;
    if (String(fields.MsgType).toLowerCase() !== 'text' || typeof content !== 'string')
        return false;
    const lower = content.toLowerCase();
    return opts.transferKeywords.some((k) => k !== '' && lower.includes(k.toLowerCase()));
}
function accept(s, req, opts, deps) {
    const nowMs = deps.now();
    if ((req.rawBody?.length ?? 0) > errors_1.MAX_BODY_BYTES)
        throw new errors_1.PushRejected(413, 'The body is larger than 1 MiB');
    const { xml, encrypted } = open(s, req, opts, nowMs);
    const message = (0, message_1.readMessage)((0, xml_1.parseWeChatXml)(xml));
    const type = (0, message_1.pushType)(message);
    if (!opts.events.includes('*') && !opts.events.includes(type)) {
        return { status: 200, contentType: TEXT, body: reply_1.SUCCESS, note: `"${type}" is not among the selected events` };
    }
    const key = (0, dedup_1.dedupKey)(`${s.fingerprint}|${opts.scope}`, message);
    if (opts.deduplicate) {
        const seen = deps.dedup.get(key);
        if (seen)
            return { ...seen, note: 'a repeat of a push already received' };
    }
    const reply = wantsTransfer(opts, message.fields, (0, message_1.isEvent)(message)) ? 'transfer_customer_service' : reply_1.SUCCESS;
    let answer = { status: 200, contentType: TEXT, body: reply_1.SUCCESS };
    if (reply !== reply_1.SUCCESS) {
        const now = Math.floor(nowMs / 1000);
        const plain = (0, reply_1.transferReplyXml)(message, now, opts.transferKfAccount || undefined);
        const body = encrypted
            ? (0, reply_1.encryptedReplyXml)(plain, { token: s.token, aesKey: s.aesKey, appId: s.appId }, now)
            : plain;
        answer = { status: 200, contentType: XML, body };
    }
    if (opts.deduplicate)
        deps.dedup.remember(key, answer);
    const rawXml = opts.includeRawXml ? xml.toString('utf8') : undefined;
    return { ...answer, item: (0, message_1.toItem)(message, { encrypted, reply, timeZone: opts.timeZone, rawXml }) };
}
function receivePush(s, req, opts, deps) {
    try {
        if (req.method === 'GET') {
            checkSignature(s, req.query, opts, deps.now());
            return verify(req);
        }
        return accept(s, req, opts, deps);
    }
    catch (error) {
        if (error instanceof errors_1.PushRejected)
            return rejection(error);
        const reason = error instanceof Error ? error.message : String(error);
        return { status: 500, contentType: TEXT, body: 'The push could not be read', note: `unexpected failure: ${reason}` };
    }
}
