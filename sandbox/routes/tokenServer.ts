import type { ReceivedRequest, Route, SandboxContext, SandboxResponse } from '../types';

/**
 * The sandbox acting as a central token server (中控服务器), speaking the credential's token-server protocol:
 * GET → {access_token, expires_in}; `refresh=1&stale_token=<t>` fetches anew only while <t> is still current.
 * It holds the sandbox's (first) app and is a client of the sandbox's own WeChat API over HTTP, so its stable_token
 * requests show in `requests` like anyone else's.
 */
export const TOKEN_SERVER_PATH = '/token-server/access_token';
export const TOKEN_SERVER_HEADER = { name: 'X-Token-Server-Key', value: 'sandbox-token-server-key' };

interface Held {
	token?: string;
	expiresAt: number;
	inFlight?: Promise<void>;
}

const held = new WeakMap<SandboxContext, Held>();

async function fetchFromWechat(sb: SandboxContext, h: Held): Promise<void> {
	const [app] = sb.state.apps.values();
	const res = await fetch(`${sb.url}/cgi-bin/stable_token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ grant_type: 'client_credential', appid: app?.appId, secret: app?.secret }),
	});
	const json = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
	if (!json.access_token) throw new Error(`stable_token refused: ${json.errcode} ${json.errmsg}`);
	h.token = json.access_token;
	h.expiresAt = sb.clock.now() + (json.expires_in ?? 0);
}

async function tokenServer(req: ReceivedRequest, sb: SandboxContext): Promise<SandboxResponse> {
	if (req.headers[TOKEN_SERVER_HEADER.name.toLowerCase()] !== TOKEN_SERVER_HEADER.value) {
		return { status: 401, json: { errcode: 401, errmsg: `token server: missing or wrong ${TOKEN_SERVER_HEADER.name}` } };
	}
	let h = held.get(sb);
	if (!h) held.set(sb, (h = { expiresAt: 0 }));
	const stale = req.query.refresh === '1' && req.query.stale_token === h.token;
	// Renew 5 minutes early, as WeChat's stable token does; concurrent callers share one fetch.
	if (!h.token || stale || h.expiresAt - sb.clock.now() <= 300) {
		if (stale) h.token = undefined;
		const current = h;
		h.inFlight ??= fetchFromWechat(sb, current).finally(() => (current.inFlight = undefined));
		await h.inFlight;
	}
	return { json: { access_token: h.token, expires_in: h.expiresAt - sb.clock.now() } };
}

export const tokenServerRoutes: Route[] = [{ method: 'GET', path: TOKEN_SERVER_PATH, handler: tokenServer }];
