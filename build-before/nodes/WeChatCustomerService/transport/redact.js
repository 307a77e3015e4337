"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDACTED = void 0;
exports.redact = redact;
const SENSITIVE_KEYS = ['access_token', 'accessToken', 'secret', 'appsecret', 'appSecret', 'stale_token', 'token'];
const keyAlternation = SENSITIVE_KEYS.join('|');
const QUERY_PATTERN = new RegExp(`([?&](?:${keyAlternation})=)[^&#\\s"']*`, 'gi');
const JSON_PATTERN = new RegExp(`("(?:${keyAlternation})"\\s*:\\s*")(?:[^"\\\\]|\\\\.)*(")`, 'gi');
exports.REDACTED = '***';
function redact(text, secretValues = []) {
    let out = text.replace(QUERY_PATTERN, `$1${exports.REDACTED}`).replace(JSON_PATTERN, `$1${exports.REDACTED}$2`);
    for (const value of secretValues) {
        if (value && value.length >= 6)
            out = out.split(value).join(exports.REDACTED);
    }
    return out;
}
