import { WAITCASE_LIST_MAX } from '../conversations';
import { wxError } from '../errors';
import type { ReceivedRequest, Route, SandboxContext } from '../types';
import { jsonBody, knownAgent, knownCustomer, requireKf } from './common';

function countAccepted(sb: SandboxContext, kfAccount: string, delta: number): void {
	const online = sb.state.online.get(kfAccount);
	if (online) online.accepted_case = Math.max(0, online.accepted_case + delta);
}

/** kfsession/create: the agent must exist, be bound to a WeChat user, be online, and nobody else may serve. */
function createSession(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const body = jsonBody(req);
	const agent = knownAgent(sb, body.kf_account);
	const customer = knownCustomer(sb, body.openid);
	if (body.text !== undefined && typeof body.text !== 'string') throw wxError(47001, 'data format error');
	if (!agent.kf_wx) throw wxError(65402, 'account shoule be bound wechat user before use');
	if (!sb.state.online.has(agent.kf_account)) throw wxError(65415, 'worker is not online');
	const current = sb.state.conversations.sessions.get(customer.openid);
	if (current && current.kf_account !== agent.kf_account) throw wxError(65414, 'client is being served by other worker');
	if (!current) {
		sb.state.conversations.open(customer.openid, agent.kf_account, sb.clock.now());
		countAccepted(sb, agent.kf_account, 1);
	}
	return { json: { errcode: 0, errmsg: 'ok' } };
}

function closeSession(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const body = jsonBody(req);
	const agent = knownAgent(sb, body.kf_account);
	const customer = knownCustomer(sb, body.openid);
	const current = sb.state.conversations.sessions.get(customer.openid);
	if (!current || current.kf_account !== agent.kf_account) throw wxError(65413, 'no effective session for the client');
	sb.state.conversations.close(customer.openid);
	countAccepted(sb, agent.kf_account, -1);
	return { json: { errcode: 0, errmsg: 'ok' } };
}

function getSession(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const customer = knownCustomer(sb, req.query.openid);
	const session = sb.state.conversations.sessions.get(customer.openid);
	return { json: { createtime: session?.createtime ?? 0, kf_account: session?.kf_account ?? '' } };
}

function getSessionList(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	// WeChat rejects an escaped "@" (%40) in kf_account query values.
	if (/(^|&)kf_account=[^&]*%40/i.test(req.rawQuery)) throw wxError(65401, 'invalid custom service account');
	const agent = knownAgent(sb, req.query.kf_account);
	const sessionlist = sb.state.conversations
		.sessionsOf(agent.kf_account)
		.map((s) => ({ createtime: s.createtime, openid: s.openid }));
	return { json: { sessionlist } };
}

function getWaitCase(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const waiting = sb.state.conversations.waiting;
	const waitcaselist = waiting.slice(0, WAITCASE_LIST_MAX).map((w) => ({ latest_time: w.latest_time, openid: w.openid }));
	return { json: { count: waiting.length, waitcaselist } };
}

export const sessionRoutes: Route[] = [
	{ method: 'POST', path: '/customservice/kfsession/create', handler: createSession },
	{ method: 'POST', path: '/customservice/kfsession/close', handler: closeSession },
	{ method: 'GET', path: '/customservice/kfsession/getsession', handler: getSession },
	{ method: 'GET', path: '/customservice/kfsession/getsessionlist', handler: getSessionList },
	{ method: 'GET', path: '/customservice/kfsession/getwaitcase', handler: getWaitCase },
];
