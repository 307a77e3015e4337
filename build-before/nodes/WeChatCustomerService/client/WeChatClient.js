"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UNEXPECTED_SHAPE_HINT = exports.WeChatClient = exports.DEFAULT_RETRY = void 0;
exports.useDefaultRetry = useDefaultRetry;
exports.encodeQueryValue = encodeQueryValue;
exports.unexpectedShape = unexpectedShape;
exports.listIn = listIn;
const promises_1 = require("node:timers/promises");
const http_1 = require("../transport/http");
const errors_1 = require("./errors");
const tokens_1 = require("./tokens");
exports.DEFAULT_RETRY = Object.freeze({ maxRetries: 3, baseDelayMs: 500, maxDelayMs: 4000 });
let defaultRetry = exports.DEFAULT_RETRY;
function useDefaultRetry(policy) {
    defaultRetry = policy ?? exports.DEFAULT_RETRY;
}
function encodeQueryValue(value) {
    return encodeURIComponent(value).replace(/%40/g, '@');
}
function isRetryableBusy(errcode, kind) {
    if (errcode === 45011)
        return true;
    return errcode === -1 && kind === 'read';
}
class WeChatClient {
    settings;
    retry;
    seenTokens = new Set();
    constructor(settings) {
        this.settings = settings;
        this.retry = settings.retry ?? defaultRetry;
    }
    get secrets() {
        return [...(this.settings.http.secrets ?? []), ...this.seenTokens];
    }
    async call(spec) {
        const tokens = this.settings.tokenServer;
        let token = await tokens.token();
        let tokenRefreshed = false;
        let busyRetries = 0;
        for (let attempt = 1;; attempt++) {
            this.seenTokens.add(token);
            const body = (await this.send(spec, token).catch((error) => {
                throw this.failure(error, spec);
            }));
            if (typeof body !== 'object' || body === null || Array.isArray(body)) {
                throw this.failure(unexpectedShape(spec.path, `WeChat's answer to ${(0, errors_1.callName)(spec.path)} is not a JSON object`), spec);
            }
            const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
            if (errcode === 0)
                return body;
            const tokenRejected = tokens_1.TOKEN_REJECTED_CODES.has(errcode);
            if (tokenRejected && !tokenRefreshed && tokens.refreshable !== false) {
                tokenRefreshed = true;
                token = await tokens.refreshToken(token);
                continue;
            }
            if (isRetryableBusy(errcode, spec.kind) && busyRetries < this.retry.maxRetries) {
                await this.backoff(busyRetries++);
                continue;
            }
            const refusal = new errors_1.WeChatApiError({
                errcode,
                errmsg: String(body.errmsg ?? ''),
                path: spec.path,
                attempts: attempt,
                hint: tokenRejected && tokens.refreshable === false ? tokens_1.FIXED_TOKEN_HINT : undefined,
            });
            throw errcode === -1 && spec.kind === 'write' ? new errors_1.WeChatOutcomeUnknownError(spec.path, refusal) : refusal;
        }
    }
    failure(error, spec) {
        const { proxyUrl } = this.settings.http;
        const named = (0, errors_1.endpointFailure)(error, errors_1.WECHAT_API, { call: (0, errors_1.callName)(spec.path), proxyUrl, url: this.settings.apiBaseUrl });
        const reached = error instanceof errors_1.WeChatTransportError && (error.failure === 'invalidResponse' || (0, http_1.mayHaveReachedServer)(error));
        if (spec.kind === 'write' && reached && named instanceof errors_1.WeChatTransportError && named.failure !== 'cancelled') {
            return new errors_1.WeChatOutcomeUnknownError(spec.path, named);
        }
        return named;
    }
    async download(url) {
        const proxyUrl = this.settings.http.proxyUrl;
        const res = await (0, http_1.sendHttp)({ method: 'GET', url }, { ...this.settings.http, secrets: this.secrets }).catch((error) => {
            throw (0, errors_1.endpointFailure)(error, errors_1.AVATAR_URL, { proxyUrl });
        });
        if (res.status !== 200) {
            const where = (0, http_1.describeUrl)(url);
            const error = new errors_1.WeChatTransportError('httpStatus', where, `${where} answered HTTP ${res.status}`, res.status);
            throw (0, errors_1.endpointFailure)(error, errors_1.AVATAR_URL, { proxyUrl });
        }
        const type = res.headers['content-type'];
        return { body: res.body, contentType: Array.isArray(type) ? type[0] : type };
    }
    async downloadStream(url) {
        return await (0, http_1.sendHttpStream)({ method: 'GET', url }, { ...this.settings.http, secrets: this.secrets }).catch((error) => {
            throw (0, errors_1.endpointFailure)(error, errors_1.MEDIA_URL, { proxyUrl: this.settings.http.proxyUrl });
        });
    }
    buildUrl(spec, token) {
        const parts = [];
        for (const [key, value] of Object.entries(spec.query ?? {})) {
            if (value !== undefined)
                parts.push(`${encodeURIComponent(key)}=${encodeQueryValue(String(value))}`);
        }
        parts.push(`access_token=${encodeURIComponent(token)}`);
        return `${this.settings.apiBaseUrl}${spec.path}?${parts.join('&')}`;
    }
    async send(spec, token) {
        const headers = { accept: 'application/json' };
        let body;
        if (spec.multipart) {
            headers['content-type'] = spec.multipart.contentType;
            body = spec.multipart.body;
        }
        else if (spec.json !== undefined) {
            headers['content-type'] = 'application/json; charset=utf-8';
            body = JSON.stringify(spec.json);
        }
        if (spec.download) {
            const file = await (0, http_1.sendHttpStream)({ method: spec.method, url: this.buildUrl(spec, token), headers: { accept: '*/*' }, body }, { ...this.settings.http, secrets: this.secrets });
            return file.json !== undefined ? file.json : { file };
        }
        const res = await (0, http_1.sendHttp)({ method: spec.method, url: this.buildUrl(spec, token), headers, body }, { ...this.settings.http, secrets: this.secrets });
        return (0, http_1.parseJsonBody)(res, spec.path, this.secrets);
    }
    async backoff(retryIndex) {
        const ms = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** retryIndex);
        const waited = await (0, promises_1.setTimeout)(ms, true, { signal: this.settings.http.signal }).catch(() => false);
        if (!waited) {
            throw new errors_1.WeChatTransportError('cancelled', 'retry', 'The execution was cancelled while waiting to retry');
        }
    }
}
exports.WeChatClient = WeChatClient;
exports.UNEXPECTED_SHAPE_HINT = 'WeChat answered without an error but not in its documented form, so nothing was output. Try again; if it keeps happening, check what sits between n8n and WeChat (the API Host or a proxy).';
function unexpectedShape(path, message) {
    return new errors_1.WeChatTransportError('invalidResponse', path, message, { hint: exports.UNEXPECTED_SHAPE_HINT });
}
function listIn(answer, field, path) {
    const value = answer[field];
    if (Array.isArray(value))
        return value;
    const call = (0, errors_1.callName)(path);
    if (value === undefined)
        throw unexpectedShape(path, `WeChat's answer to ${call} has no "${field}" list`);
    const kind = value === null ? 'null' : typeof value === 'string' ? 'text' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
    throw unexpectedShape(path, `WeChat's answer to ${call} has "${field}" as ${kind}, not a list`);
}
