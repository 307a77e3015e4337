"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tokenServerRoutes = exports.TOKEN_SERVER_HEADER = exports.TOKEN_SERVER_PATH = void 0;
exports.TOKEN_SERVER_PATH = '/token-server/access_token';
exports.TOKEN_SERVER_HEADER = { name: 'X-Token-Server-Key', value: 'sandbox-token-server-key' };
const held = new WeakMap();
async function fetchFromWechat(sb, h) {
    const [app] = sb.state.apps.values();
    const res = await fetch(`${sb.url}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: app?.appId, secret: app?.secret }),
    });
    const json = (await res.json());
    if (!json.access_token)
        throw new Error(`stable_token refused: ${json.errcode} ${json.errmsg}`);
    h.token = json.access_token;
    h.expiresAt = sb.clock.now() + (json.expires_in ?? 0);
}
async function tokenServer(req, sb) {
    if (req.headers[exports.TOKEN_SERVER_HEADER.name.toLowerCase()] !== exports.TOKEN_SERVER_HEADER.value) {
        return { status: 401, json: { errcode: 401, errmsg: `token server: missing or wrong ${exports.TOKEN_SERVER_HEADER.name}` } };
    }
    let h = held.get(sb);
    if (!h)
        held.set(sb, (h = { expiresAt: 0 }));
    const stale = req.query.refresh === '1' && req.query.stale_token === h.token;
    if (!h.token || stale || h.expiresAt - sb.clock.now() <= 300) {
        if (stale)
            h.token = undefined;
        const current = h;
        h.inFlight ??= fetchFromWechat(sb, current).finally(() => (current.inFlight = undefined));
        await h.inFlight;
    }
    return { json: { access_token: h.token, expires_in: h.expiresAt - sb.clock.now() } };
}
exports.tokenServerRoutes = [{ method: 'GET', path: exports.TOKEN_SERVER_PATH, handler: tokenServer }];
