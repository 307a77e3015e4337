"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TIMEOUT_SECONDS = exports.DEFAULT_API_HOST = exports.CredentialSettingsError = void 0;
exports.apiBaseUrlOf = apiBaseUrlOf;
exports.timeoutSecondsOf = timeoutSecondsOf;
exports.credentialSettingsOf = credentialSettingsOf;
exports.secretsOf = secretsOf;
class CredentialSettingsError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CredentialSettingsError';
    }
}
exports.CredentialSettingsError = CredentialSettingsError;
const TOKEN_SOURCES = ['stableToken', 'classicToken', 'tokenServer', 'accessToken'];
exports.DEFAULT_API_HOST = 'https://api.weixin.qq.com';
function httpUrl(value, label) {
    if (!URL.canParse(value))
        throw new CredentialSettingsError(`The credential's ${label} is not a valid URL`);
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new CredentialSettingsError(`The credential's ${label} must start with http:// or https://`);
    }
    return value;
}
function apiBaseUrlOf(data) {
    const host = (data.apiHost || exports.DEFAULT_API_HOST).trim();
    if (host !== 'custom')
        return httpUrl(host, 'API Host').replace(/\/+$/, '');
    const base = (data.baseUrl ?? '').trim();
    if (!base)
        throw new CredentialSettingsError('The credential uses a custom API host but its Base URL is empty');
    return httpUrl(base, 'Base URL').replace(/\/+$/, '');
}
exports.TIMEOUT_SECONDS = { min: 1, max: 300, default: 30 };
function timeoutSecondsOf(raw) {
    if (raw === undefined || raw === null || raw === '')
        return exports.TIMEOUT_SECONDS.default;
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(value) || value < exports.TIMEOUT_SECONDS.min || value > exports.TIMEOUT_SECONDS.max) {
        throw new CredentialSettingsError(`The credential's Timeout must be a number of seconds from ${exports.TIMEOUT_SECONDS.min} to ${exports.TIMEOUT_SECONDS.max}, got ${JSON.stringify(raw)}`);
    }
    return value;
}
function credentialSettingsOf(data) {
    const tokenSource = (data.tokenSource || 'stableToken');
    if (!TOKEN_SOURCES.includes(tokenSource)) {
        throw new CredentialSettingsError(`The credential's Token Source "${tokenSource}" is not known`);
    }
    const trimmed = (v) => (v ?? '').trim();
    if (tokenSource === 'stableToken' || tokenSource === 'classicToken') {
        if (!trimmed(data.appId))
            throw new CredentialSettingsError("The credential's AppID is empty");
        if (!trimmed(data.appSecret))
            throw new CredentialSettingsError("The credential's AppSecret is empty");
    }
    if (tokenSource === 'tokenServer') {
        if (!trimmed(data.tokenServerUrl))
            throw new CredentialSettingsError("The credential's Token Server URL is empty");
        httpUrl(trimmed(data.tokenServerUrl), 'Token Server URL');
    }
    if (tokenSource === 'accessToken' && !trimmed(data.accessToken)) {
        throw new CredentialSettingsError("The credential's Access Token is empty");
    }
    const timeout = timeoutSecondsOf(data.timeoutSeconds);
    const proxyUrl = trimmed(data.proxyUrl);
    return {
        tokenSource,
        apiBaseUrl: apiBaseUrlOf(data),
        appId: trimmed(data.appId),
        appSecret: trimmed(data.appSecret),
        tokenServerUrl: trimmed(data.tokenServerUrl),
        tokenServerHeaderName: trimmed(data.tokenServerHeaderName),
        tokenServerHeaderValue: data.tokenServerHeaderValue ?? '',
        accessToken: trimmed(data.accessToken),
        http: {
            timeoutMs: timeout * 1000,
            proxyUrl: proxyUrl ? httpUrl(proxyUrl, 'Proxy URL') : undefined,
        },
    };
}
function secretsOf(settings) {
    const values = [settings.appSecret, settings.tokenServerHeaderValue, settings.accessToken];
    if (settings.http.proxyUrl) {
        const password = new URL(settings.http.proxyUrl).password;
        if (password)
            values.push(decodeURIComponent(password));
    }
    return values.filter((v) => !!v);
}
