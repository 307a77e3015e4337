"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tokenServers = exports.TokenServerRegistry = exports.FixedTokenServer = exports.CachingTokenServer = exports.UNKNOWN_LIFETIME_SECONDS = exports.TOKEN_REJECTED_CODES = exports.FIXED_TOKEN_HINT = void 0;
exports.usableLifetimeSeconds = usableLifetimeSeconds;
exports.stableTokenFetcher = stableTokenFetcher;
exports.classicTokenFetcher = classicTokenFetcher;
exports.tokenServerFetcher = tokenServerFetcher;
exports.fingerprint = fingerprint;
exports.tokenCacheKey = tokenCacheKey;
const node_crypto_1 = require("node:crypto");
const http_1 = require("../transport/http");
const credentials_1 = require("./credentials");
const errors_1 = require("./errors");
exports.FIXED_TOKEN_HINT = 'The credential uses a fixed access token, which cannot be refreshed. Paste a current token, or switch the Token Source to Stable Token.';
exports.TOKEN_REJECTED_CODES = new Set([40001, 40014, 42001]);
exports.UNKNOWN_LIFETIME_SECONDS = 240;
function usableLifetimeSeconds(expiresIn) {
    if (expiresIn > 31556952)
        throw new Error(`expires_in too large: ${expiresIn}`);
    if (expiresIn > 3600)
        return expiresIn - 600;
    if (expiresIn > 1800)
        return expiresIn - 300;
    if (expiresIn > 300)
        return expiresIn - 60;
    if (expiresIn > 60)
        return expiresIn - 10;
    return Math.max(0, Math.floor(expiresIn / 2));
}
class CachingTokenServer {
    fetcher;
    now;
    cached;
    inflight;
    constructor(fetcher, now = Date.now) {
        this.fetcher = fetcher;
        this.now = now;
    }
    useFetcher(fetcher) {
        this.fetcher = fetcher;
    }
    async token() {
        if (this.cached && this.now() < this.cached.refreshAt)
            return this.cached.token;
        return await this.fetchOnce();
    }
    async refreshToken(rejectedToken) {
        if (this.inflight)
            return await this.inflight;
        if (this.cached && this.cached.token !== rejectedToken && this.now() < this.cached.refreshAt) {
            return this.cached.token;
        }
        this.cached = undefined;
        return await this.fetchOnce(rejectedToken);
    }
    async fetchOnce(staleToken) {
        if (!this.inflight) {
            this.inflight = this.fetchAndStore(staleToken).finally(() => {
                this.inflight = undefined;
            });
        }
        return await this.inflight;
    }
    async fetchAndStore(staleToken) {
        this.cached = undefined;
        const fetched = await this.fetcher(staleToken);
        const lifetime = fetched.expiresIn === undefined ? exports.UNKNOWN_LIFETIME_SECONDS : usableLifetimeSeconds(fetched.expiresIn);
        this.cached = { token: fetched.token, refreshAt: this.now() + lifetime * 1000 };
        return fetched.token;
    }
}
exports.CachingTokenServer = CachingTokenServer;
class FixedTokenServer {
    fixed;
    refreshable = false;
    constructor(fixed) {
        this.fixed = fixed;
    }
    async token() {
        return this.fixed;
    }
    async refreshToken() {
        throw new errors_1.WeChatApiError({
            errcode: 40001,
            errmsg: 'the fixed access token in the credential was rejected',
            path: 'credential',
            hint: exports.FIXED_TOKEN_HINT,
        });
    }
}
exports.FixedTokenServer = FixedTokenServer;
function readToken(body, path, url) {
    const data = (body ?? {});
    const fromTokenServer = !path.startsWith('/');
    if (typeof data.errcode === 'number' && data.errcode !== 0) {
        const source = fromTokenServer ? 'Token server' : 'WeChat';
        throw new errors_1.WeChatApiError({ errcode: data.errcode, errmsg: String(data.errmsg ?? ''), path, source });
    }
    if (typeof data.access_token !== 'string' || data.access_token === '') {
        const who = fromTokenServer ? `The token server at ${new URL(url).host}` : `WeChat's answer to ${(0, errors_1.callName)(path)}`;
        throw new errors_1.WeChatTransportError('invalidResponse', path, `${who} answered without an access_token`);
    }
    const expiresIn = Number(data.expires_in);
    return {
        token: data.access_token,
        expiresIn: data.expires_in === undefined || !Number.isFinite(expiresIn) ? undefined : expiresIn,
    };
}
async function fetchJson(settings, url, path, init) {
    const secrets = (0, credentials_1.secretsOf)(settings);
    const named = (error) => path.startsWith('/')
        ? (0, errors_1.endpointFailure)(error, errors_1.WECHAT_API, { call: (0, errors_1.callName)(path), proxyUrl: settings.http.proxyUrl, url })
        : (0, errors_1.endpointFailure)(error, errors_1.TOKEN_SERVER, { proxyUrl: settings.http.proxyUrl, url });
    const res = await (0, http_1.sendHttp)({ url, ...init }, { ...settings.http, secrets }).catch((error) => {
        throw named(error);
    });
    let body;
    try {
        body = (0, http_1.parseJsonBody)(res, path, secrets);
    }
    catch (error) {
        throw named(error);
    }
    return readToken(body, path, url);
}
function stableTokenFetcher(s) {
    const path = '/cgi-bin/stable_token';
    return async () => await fetchJson(s, `${s.apiBaseUrl}${path}`, path, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
            grant_type: 'client_credential',
            appid: s.appId ?? '',
            secret: s.appSecret ?? '',
            force_refresh: false,
        }),
    });
}
function classicTokenFetcher(s) {
    const path = '/cgi-bin/token';
    return async () => {
        const query = new URLSearchParams({
            grant_type: 'client_credential',
            appid: s.appId ?? '',
            secret: s.appSecret ?? '',
        });
        return await fetchJson(s, `${s.apiBaseUrl}${path}?${query.toString()}`, path, { method: 'GET' });
    };
}
function tokenServerFetcher(s) {
    const base = s.tokenServerUrl ?? '';
    const where = (0, http_1.describeUrl)(base);
    const headers = { accept: 'application/json' };
    if (s.tokenServerHeaderName)
        headers[s.tokenServerHeaderName] = s.tokenServerHeaderValue ?? '';
    return async (staleToken) => {
        let url = base;
        if (staleToken) {
            const extra = new URLSearchParams({ refresh: '1', stale_token: staleToken }).toString();
            url = `${base}${base.includes('?') ? '&' : '?'}${extra}`;
        }
        return await fetchJson({ ...s, accessToken: staleToken ?? s.accessToken }, url, where, {
            method: 'GET',
            headers,
        });
    };
}
const FINGERPRINT_KEY = (0, node_crypto_1.randomBytes)(32);
function fingerprint(...parts) {
    return (0, node_crypto_1.createHmac)('sha256', FINGERPRINT_KEY).update(JSON.stringify(parts)).digest('hex');
}
function tokenCacheKey(s) {
    const origin = URL.canParse(s.apiBaseUrl) ? new URL(s.apiBaseUrl).origin : s.apiBaseUrl;
    const proof = s.tokenSource === 'tokenServer'
        ? fingerprint(s.tokenServerUrl ?? '', s.tokenServerHeaderName ?? '', s.tokenServerHeaderValue ?? '')
        : fingerprint(s.appId ?? '', s.appSecret ?? '');
    const who = s.tokenSource === 'tokenServer' ? (0, http_1.describeUrl)(s.tokenServerUrl ?? '') : s.appId;
    return `${origin}|${s.tokenSource}|${who ?? ''}|${proof}`;
}
class TokenServerRegistry {
    servers = new Map();
    now = Date.now;
    get(settings) {
        if (settings.tokenSource === 'accessToken')
            return new FixedTokenServer(settings.accessToken ?? '');
        const key = tokenCacheKey(settings);
        const fetcher = settings.tokenSource === 'classicToken'
            ? classicTokenFetcher(settings)
            : settings.tokenSource === 'tokenServer'
                ? tokenServerFetcher(settings)
                : stableTokenFetcher(settings);
        let server = this.servers.get(key);
        if (server) {
            server.useFetcher(fetcher);
        }
        else {
            server = new CachingTokenServer(fetcher, () => this.now());
            this.servers.set(key, server);
        }
        return server;
    }
    clear() {
        this.servers.clear();
    }
}
exports.TokenServerRegistry = TokenServerRegistry;
exports.tokenServers = new TokenServerRegistry();
