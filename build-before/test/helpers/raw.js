"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sandboxToken = sandboxToken;
exports.rawErrcode = rawErrcode;
async function sandboxToken(sb) {
    const res = await fetch(`${sb.url}/cgi-bin/stable_token`, {
        method: 'POST',
        body: JSON.stringify({ grant_type: 'client_credential', appid: 'wx_sandbox_app', secret: 'sandbox_secret' }),
    });
    return (await res.json()).access_token;
}
async function rawErrcode(sb, method, pathAndQuery, body, contentType) {
    const token = await sandboxToken(sb);
    const sep = pathAndQuery.includes('?') ? '&' : '?';
    const res = await fetch(`${sb.url}${pathAndQuery}${sep}access_token=${token}`, {
        method,
        body,
        headers: contentType ? { 'content-type': contentType } : {},
    });
    return (await res.json()).errcode;
}
