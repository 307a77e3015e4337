// Helpers every route file may use; a route file never imports a sibling route file.
import { wxError } from '../errors';
import type { AgentRecord, SandboxApp } from '../state';
import type { ReceivedRequest, SandboxContext } from '../types';

/**
 * The one reader of a JSON POST body, answering as WeChat does: an empty body is 44002
 * "empty post data", anything that is not a JSON object is 47001 "data format error".
 */
export function jsonBody(req: ReceivedRequest): Record<string, unknown> {
	if (req.rawBody.length === 0) throw wxError(44002, 'empty post data');
	if (typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) {
		throw wxError(47001, 'data format error');
	}
	return req.json as Record<string, unknown>;
}

export function findAgent(sb: SandboxContext, account: string): AgentRecord {
	const agent = sb.state.agents.find((a) => a.kf_account === account);
	if (!agent) throw wxError(65401, 'invalid custom service account');
	return agent;
}

/** An existing kf account, or 65401. */
export function knownAgent(sb: SandboxContext, kfAccount: unknown): AgentRecord {
	return findAgent(sb, typeof kfAccount === 'string' ? kfAccount : '');
}

/** A customer who has written to the Official Account, or 40003. */
export function knownCustomer(sb: SandboxContext, openid: unknown) {
	const customer = typeof openid === 'string' ? sb.state.conversations.customers.get(openid) : undefined;
	if (!customer) throw wxError(40003, 'invalid openid');
	return customer;
}

/** Checks the access_token of an API call; returns the app it belongs to. */
export function requireToken(req: ReceivedRequest, sb: SandboxContext): SandboxApp {
	const value = req.query.access_token;
	if (!value) throw wxError(41001, 'access_token missing');
	const token = sb.state.tokens.get(value);
	const now = sb.clock.now();
	if (!token || (token.revokedAt !== undefined && now >= token.revokedAt)) {
		throw wxError(40001, 'invalid credential, access_token is invalid or not latest');
	}
	if (now >= token.expiresAt) throw wxError(42001, 'access_token expired');
	const app = sb.state.apps.get(token.appId);
	if (!app) throw wxError(40001, 'invalid credential, access_token is invalid or not latest');
	return app;
}

/** For kf APIs: a valid token and the new customer service enabled. */
export function requireKf(req: ReceivedRequest, sb: SandboxContext): SandboxApp {
	const app = requireToken(req, sb);
	if (app.kfDisabled) {
		throw wxError(65400, 'please enable new custom service, or wait for a while if you have enabled');
	}
	return app;
}
