"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WeChatOutcomeUnknownError = exports.MEDIA_URL = exports.AVATAR_URL = exports.TOKEN_SERVER = exports.WECHAT_API = exports.WeChatInputError = exports.WeChatApiError = exports.redact = exports.REDACTED = exports.WeChatTransportError = void 0;
exports.splitRid = splitRid;
exports.refusalMessage = refusalMessage;
exports.refusalDescription = refusalDescription;
exports.callName = callName;
exports.endpointFailure = endpointFailure;
const hints_1 = require("./hints");
const errors_1 = require("../transport/errors");
var errors_2 = require("../transport/errors");
Object.defineProperty(exports, "WeChatTransportError", { enumerable: true, get: function () { return errors_2.WeChatTransportError; } });
var redact_1 = require("../transport/redact");
Object.defineProperty(exports, "REDACTED", { enumerable: true, get: function () { return redact_1.REDACTED; } });
Object.defineProperty(exports, "redact", { enumerable: true, get: function () { return redact_1.redact; } });
function splitRid(errmsg) {
    const m = /^(.*?)\s*\brid:\s*(\S+)\s*$/s.exec(errmsg);
    return m ? { text: m[1], rid: m[2] } : { text: errmsg.trim() };
}
function refusalMessage(r, style) {
    if (style === 'error')
        return `WeChat error ${r.errcode} on ${r.path ?? ''}: ${r.errmsg}${r.hint ? ` — ${r.hint}` : ''}`;
    const message = `${r.source ?? 'WeChat'}: ${splitRid(r.errmsg).text} (errcode ${r.errcode})`;
    if (style === 'node')
        return message;
    const description = refusalDescription(r);
    return description ? `${message}. ${description}` : message;
}
function refusalDescription(r) {
    const { rid } = splitRid(r.errmsg);
    const parts = [r.hint, (r.attempts ?? 1) > 1 ? `Tried ${r.attempts} times.` : '', rid ? `rid: ${rid}` : ''];
    return parts.filter(Boolean).join(' ');
}
class WeChatApiError extends Error {
    errcode;
    errmsg;
    hint;
    path;
    attempts;
    source;
    constructor(args) {
        const hint = args.hint ?? (args.source === 'Token server' ? '' : (0, hints_1.hintFor)(args.errcode));
        super(refusalMessage({ ...args, hint }, 'error'));
        this.name = 'WeChatApiError';
        this.errcode = args.errcode;
        this.errmsg = args.errmsg;
        this.hint = hint;
        this.path = args.path;
        this.attempts = args.attempts ?? 1;
        this.source = args.source ?? 'WeChat';
    }
}
exports.WeChatApiError = WeChatApiError;
class WeChatInputError extends Error {
    field;
    constructor(field, message) {
        super(message);
        this.name = 'WeChatInputError';
        this.field = field;
    }
}
exports.WeChatInputError = WeChatInputError;
exports.WECHAT_API = { name: 'the WeChat API host', setting: 'API Host (or Base URL)' };
exports.TOKEN_SERVER = { name: 'the token server', setting: 'Token Server URL' };
exports.AVATAR_URL = { name: 'the avatar URL' };
exports.MEDIA_URL = { name: 'the media URL' };
const PROXY = { name: 'the proxy', setting: 'Proxy URL' };
function callName(path) {
    return path.replace(/^\/cgi-bin\//, '/').replace(/^\/customservice\//, '/').replace(/^\//, '');
}
function hostOf(url) {
    return url && URL.canParse(url) ? new URL(url).host : 'the configured address';
}
const NO_CONNECTION = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
function unreachable(code, at, host, suffix) {
    const check = `Check that ${at.name} is running and reachable from n8n${at.setting ? `, and the credential's ${at.setting}` : ''}.`;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return { message: `Could not find ${at.name}: no address for ${host}${suffix}`, hint: `Nothing was sent. ${check} (${code})` };
    }
    const why = code === 'ECONNREFUSED' ? 'the connection was refused' : 'no connection could be made';
    return { message: `Could not connect to ${at.name} at ${host}: ${why}${suffix}`, hint: `Nothing was sent. ${check} (${code})` };
}
function endpointFailure(error, endpoint, options = {}) {
    if (!(error instanceof errors_1.WeChatTransportError) || error.failure === 'cancelled' || error.failure === 'invalidResponse')
        return error;
    const host = hostOf(options.url ?? error.path);
    const suffix = options.call ? ` (${options.call})` : '';
    const proxyHost = options.proxyUrl ? hostOf(options.proxyUrl) : '';
    const Name = capital(endpoint.name);
    const words = (message, hint) => new errors_1.WeChatTransportError(error.failure, error.path, message, {
        httpStatus: error.httpStatus,
        code: error.code,
        detail: error.detail,
        snippet: error.snippet,
        timeoutSeconds: error.timeoutSeconds,
        hint: hint ?? error.hint,
    });
    switch (error.failure) {
        case 'timeout':
            return words(`No answer from ${endpoint.name} at ${host} within ${error.timeoutSeconds} s${suffix}`, `The credential's Timeout is ${error.timeoutSeconds} s.`);
        case 'httpStatus':
            return words(`${Name} at ${host} answered HTTP ${error.httpStatus} instead of 200${suffix}`, error.snippet ? `It answered: ${error.snippet}` : undefined);
        case 'emptyBody':
            return words(`${Name} at ${host} answered with an empty body${suffix}`);
        case 'invalidJson':
            return words(`${Name} at ${host} answered with a body that is not JSON${suffix}`, error.snippet ? `It answered: ${error.snippet}` : undefined);
        default: {
            const tunnel = /Proxy response \((\d+)\)/.exec(error.detail ?? '');
            if (proxyHost && tunnel) {
                const hint = tunnel[1] === '407'
                    ? 'Nothing was sent. The proxy wants a user name and password it accepts: put them in the Proxy URL, e.g. http://user:password@proxy:3128.'
                    : `Nothing was sent. The proxy could not or would not open a connection to ${host}.`;
                return words(`The proxy at ${proxyHost} refused to connect to ${endpoint.name} (HTTP ${tunnel[1]})`, hint);
            }
            if (error.code && NO_CONNECTION.has(error.code)) {
                const { message, hint } = proxyHost ? unreachable(error.code, PROXY, proxyHost, '') : unreachable(error.code, endpoint, host, suffix);
                return words(message, hint);
            }
            if (['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED'].includes(error.code ?? '')) {
                return words(`The connection to ${endpoint.name} at ${host} was closed before it answered${suffix}`);
            }
            return words(`Could not reach ${endpoint.name} at ${host}${suffix}`, error.detail ? `The network said: ${error.detail}` : undefined);
        }
    }
}
class WeChatOutcomeUnknownError extends Error {
    path;
    reason;
    hint;
    constructor(path, reason) {
        const check = (0, hints_1.outcomeCheck)(path);
        const said = reason instanceof WeChatApiError ? refusalMessage(reason, 'node') : reason.message;
        super(`${said}. WeChat may have ${check.done} anyway: ${check.then}`);
        this.name = 'WeChatOutcomeUnknownError';
        this.path = path;
        this.reason = reason;
        const detail = reason instanceof WeChatApiError ? (splitRid(reason.errmsg).rid ? `rid: ${splitRid(reason.errmsg).rid}` : '') : (reason.hint ?? '');
        this.hint = ['Not retried: repeating a change that WeChat may already have made could make it twice.', detail]
            .filter(Boolean)
            .join(' ');
    }
}
exports.WeChatOutcomeUnknownError = WeChatOutcomeUnknownError;
