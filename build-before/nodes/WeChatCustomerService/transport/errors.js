"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WeChatTransportError = void 0;
class WeChatTransportError extends Error {
    failure;
    path;
    httpStatus;
    code;
    detail;
    snippet;
    timeoutSeconds;
    hint;
    constructor(failure, path, message, details = {}) {
        super(message);
        this.name = 'WeChatTransportError';
        this.failure = failure;
        this.path = path;
        const d = typeof details === 'number' ? { httpStatus: details } : details;
        this.httpStatus = d.httpStatus;
        this.code = d.code;
        this.detail = d.detail;
        this.snippet = d.snippet;
        this.timeoutSeconds = d.timeoutSeconds;
        this.hint = d.hint;
    }
}
exports.WeChatTransportError = WeChatTransportError;
