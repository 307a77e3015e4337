"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tokenRoutes = void 0;
const errors_1 = require("../errors");
const state_1 = require("../state");
const common_1 = require("./common");
function checkApp(sb, grantType, appId, secret) {
    if (grantType !== 'client_credential')
        throw (0, errors_1.wxError)(40002, 'invalid grant_type');
    const app = sb.state.apps.get(String(appId ?? ''));
    if (!app)
        throw (0, errors_1.wxError)(40013, 'invalid appid');
    if (app.ipNotWhitelisted) {
        const ip = app.ipNotWhitelisted;
        throw (0, errors_1.wxError)(40164, `invalid ip ${ip} ipv6 ::ffff:${ip}, not in whitelist`);
    }
    if (app.secretFrozen)
        throw (0, errors_1.wxError)(40243, 'AppSecret is frozen, please unfreeze it in the platform');
    if (String(secret ?? '') !== app.secret)
        throw (0, errors_1.wxError)(40125, 'invalid appsecret');
    return app;
}
function issueToken(sb, app, kind) {
    const now = sb.clock.now();
    const token = sb.state.newTokenString(kind);
    sb.state.tokens.set(token, { token, appId: app.appId, kind, issuedAt: now, expiresAt: now + state_1.TOKEN_LIFETIME });
    return { json: { access_token: token, expires_in: state_1.TOKEN_LIFETIME } };
}
function classicToken(req, sb) {
    const app = checkApp(sb, req.query.grant_type, req.query.appid, req.query.secret);
    if (sb.state.fetchesToday(app.appId, 'classic') >= state_1.CLASSIC_DAILY_QUOTA) {
        throw (0, errors_1.wxError)(45009, 'reach max api daily quota limit');
    }
    sb.state.countFetch(app.appId, 'classic');
    const now = sb.clock.now();
    for (const t of sb.state.tokens.values()) {
        if (t.appId === app.appId && t.kind === 'classic' && t.revokedAt === undefined) {
            t.revokedAt = now + state_1.CLASSIC_OVERLAP_SECONDS;
        }
    }
    return issueToken(sb, app, 'classic');
}
function stableToken(req, sb) {
    const body = (0, common_1.jsonBody)(req);
    const app = checkApp(sb, body.grant_type, body.appid, body.secret);
    const now = sb.clock.now();
    const current = [...sb.state.tokens.values()].find((t) => t.appId === app.appId && t.kind === 'stable' && t.revokedAt === undefined && t.expiresAt > now);
    const force = body.force_refresh === true;
    if (force) {
        if (sb.state.fetchesToday(app.appId, 'stable-force') >= state_1.STABLE_FORCE_DAILY_QUOTA) {
            throw (0, errors_1.wxError)(45009, 'reach max api daily quota limit');
        }
        const last = sb.state.lastForceRefreshAt.get(app.appId);
        if (last !== undefined && now - last < 30)
            throw (0, errors_1.wxError)(45011, 'api minute-quota reach limit');
        sb.state.countFetch(app.appId, 'stable-force');
        sb.state.lastForceRefreshAt.set(app.appId, now);
        if (current)
            current.revokedAt = now;
    }
    else {
        sb.state.countFetch(app.appId, 'stable');
        if (current && current.expiresAt - now > 300) {
            return { json: { access_token: current.token, expires_in: current.expiresAt - now } };
        }
    }
    return issueToken(sb, app, 'stable');
}
exports.tokenRoutes = [
    { method: 'GET', path: '/cgi-bin/token', handler: classicToken },
    { method: 'POST', path: '/cgi-bin/stable_token', handler: stableToken },
];
