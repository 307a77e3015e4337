"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WECHAT_API_HOSTS = void 0;
exports.targetUnderApiBase = targetUnderApiBase;
exports.withAccessToken = withAccessToken;
const credentials_1 = require("./credentials");
const tokens_1 = require("./tokens");
exports.WECHAT_API_HOSTS = [
    { host: 'api.weixin.qq.com', label: 'Nearest Access Point' },
    { host: 'api2.weixin.qq.com', label: 'Disaster Recovery' },
    { host: 'sh.api.weixin.qq.com', label: 'Shanghai' },
    { host: 'sz.api.weixin.qq.com', label: 'Shenzhen' },
    { host: 'hk.api.weixin.qq.com', label: 'Hong Kong' },
];
const WECHAT_API_ORIGINS = new Set(exports.WECHAT_API_HOSTS.map((h) => `https://${h.host}`));
function pathPrefix(url) {
    return url.pathname.replace(/\/+$/, '');
}
function targetUnderApiBase(target, apiBaseUrl) {
    const base = new URL(apiBaseUrl);
    const url = URL.canParse(target) ? new URL(target) : undefined;
    const prefix = pathPrefix(base);
    let rest;
    if (url && url.origin === base.origin && (prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) {
        rest = url.pathname.slice(prefix.length);
    }
    else if (url && WECHAT_API_ORIGINS.has(url.origin)) {
        rest = url.pathname;
    }
    if (rest === undefined || !url) {
        throw new credentials_1.CredentialSettingsError(`The WeChat credential adds its access_token only to WeChat API requests (https://api.weixin.qq.com/… or ${apiBaseUrl}/…), not to ${target.split('?')[0] || '(no URL)'}`);
    }
    return `${base.origin}${prefix}${rest}${url.search}`;
}
async function withAccessToken(data, request) {
    const settings = (0, credentials_1.credentialSettingsOf)(data);
    const key = request.url !== undefined ? 'url' : 'uri';
    const target = targetUnderApiBase(String(request[key] ?? ''), settings.apiBaseUrl);
    const token = await tokens_1.tokenServers.get(settings).token();
    return { ...request, [key]: target, qs: { ...(request.qs ?? {}), access_token: token } };
}
