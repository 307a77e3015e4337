import { wxError } from '../errors';
import {
	CLASSIC_DAILY_QUOTA,
	CLASSIC_OVERLAP_SECONDS,
	STABLE_FORCE_DAILY_QUOTA,
	TOKEN_LIFETIME,
	type SandboxApp,
} from '../state';
import type { ReceivedRequest, Route, SandboxContext } from '../types';
import { jsonBody } from './common';

function checkApp(sb: SandboxContext, grantType: unknown, appId: unknown, secret: unknown): SandboxApp {
	if (grantType !== 'client_credential') throw wxError(40002, 'invalid grant_type');
	const app = sb.state.apps.get(String(appId ?? ''));
	if (!app) throw wxError(40013, 'invalid appid');
	if (app.ipNotWhitelisted) {
		const ip = app.ipNotWhitelisted;
		throw wxError(40164, `invalid ip ${ip} ipv6 ::ffff:${ip}, not in whitelist`);
	}
	if (app.secretFrozen) throw wxError(40243, 'AppSecret is frozen, please unfreeze it in the platform');
	if (String(secret ?? '') !== app.secret) throw wxError(40125, 'invalid appsecret');
	return app;
}

function issueToken(sb: SandboxContext, app: SandboxApp, kind: 'classic' | 'stable') {
	const now = sb.clock.now();
	const token = sb.state.newTokenString(kind);
	sb.state.tokens.set(token, { token, appId: app.appId, kind, issuedAt: now, expiresAt: now + TOKEN_LIFETIME });
	return { json: { access_token: token, expires_in: TOKEN_LIFETIME } };
}

/** GET /cgi-bin/token: each fetch supersedes the previous token after a 5-minute overlap. */
function classicToken(req: ReceivedRequest, sb: SandboxContext) {
	const app = checkApp(sb, req.query.grant_type, req.query.appid, req.query.secret);
	if (sb.state.fetchesToday(app.appId, 'classic') >= CLASSIC_DAILY_QUOTA) {
		throw wxError(45009, 'reach max api daily quota limit');
	}
	sb.state.countFetch(app.appId, 'classic');
	const now = sb.clock.now();
	for (const t of sb.state.tokens.values()) {
		if (t.appId === app.appId && t.kind === 'classic' && t.revokedAt === undefined) {
			t.revokedAt = now + CLASSIC_OVERLAP_SECONDS;
		}
	}
	return issueToken(sb, app, 'classic');
}

/**
 * POST /cgi-bin/stable_token: normal mode returns the current stable token with its remaining
 * lifetime (renewed in its last 5 minutes); force mode replaces it, at most 20 a day, 30 s apart.
 */
function stableToken(req: ReceivedRequest, sb: SandboxContext) {
	const body = jsonBody(req);
	const app = checkApp(sb, body.grant_type, body.appid, body.secret);
	const now = sb.clock.now();
	const current = [...sb.state.tokens.values()].find(
		(t) => t.appId === app.appId && t.kind === 'stable' && t.revokedAt === undefined && t.expiresAt > now,
	);
	const force = body.force_refresh === true;
	if (force) {
		if (sb.state.fetchesToday(app.appId, 'stable-force') >= STABLE_FORCE_DAILY_QUOTA) {
			throw wxError(45009, 'reach max api daily quota limit');
		}
		const last = sb.state.lastForceRefreshAt.get(app.appId);
		if (last !== undefined && now - last < 30) throw wxError(45011, 'api minute-quota reach limit');
		sb.state.countFetch(app.appId, 'stable-force');
		sb.state.lastForceRefreshAt.set(app.appId, now);
		if (current) current.revokedAt = now;
	} else {
		sb.state.countFetch(app.appId, 'stable');
		if (current && current.expiresAt - now > 300) {
			return { json: { access_token: current.token, expires_in: current.expiresAt - now } };
		}
		// In its last 5 minutes the platform renews; the old one lives out its lifetime.
	}
	return issueToken(sb, app, 'stable');
}

export const tokenRoutes: Route[] = [
	{ method: 'GET', path: '/cgi-bin/token', handler: classicToken },
	{ method: 'POST', path: '/cgi-bin/stable_token', handler: stableToken },
];
