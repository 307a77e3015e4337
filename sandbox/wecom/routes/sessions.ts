// kf/service_state/get|trans and kf/customer/batchget.
import type { ReceivedRequest, Route, SandboxContext } from '../../types';
import { ok, weComError } from '../errors';
import type { ServiceState } from '../model';
import { body, corpOf } from './common';

/**
 * WeCom's allowed changes: a new session (0) may go anywhere; the assistant (1) hands to the pool,
 * a servicer or ends; the pool (2) to a servicer or ends; a servicer (3) transfers to another
 * servicer or ends; an ended session (4) changes only when the customer writes again.
 */
export const ALLOWED_TRANSITIONS: Record<ServiceState, ServiceState[]> = {
	0: [1, 2, 3, 4],
	1: [2, 3, 4],
	2: [3, 4],
	3: [3, 4],
	4: [],
};

/** Queue and accepted codes allow one text within 48 hours; an end code one text or menu within 20 seconds. */
const REPLY_CODE = { 2: ['queue', 48 * 3600, ['text']], 3: ['accepted', 48 * 3600, ['text']], 4: ['end', 20, ['text', 'msgmenu']] } as const;

function get(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const account = corp.account(b.open_kfid);
	const customer = corp.customer(b.external_userid);
	const session = corp.session(account.open_kfid, customer.external_userid);
	return { json: ok({ service_state: session.service_state, ...(session.service_state === 3 ? { servicer_userid: session.servicer_userid } : {}) }) };
}

function trans(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const account = corp.managedAccount(b.open_kfid);
	const customer = corp.customer(b.external_userid);
	const target = b.service_state;
	if (target !== 1 && target !== 2 && target !== 3 && target !== 4) throw weComError(40058, 'service_state must be 1, 2, 3 or 4');
	const session = corp.session(account.open_kfid, customer.external_userid);
	if (!ALLOWED_TRANSITIONS[session.service_state].includes(target)) throw weComError(95016);
	let servicer: string | undefined;
	if (target === 3) {
		if (typeof b.servicer_userid !== 'string' || b.servicer_userid === '') throw weComError(40058, 'servicer_userid missing');
		const record = account.servicers.get(b.servicer_userid);
		if (!record) throw weComError(95014);
		if (record.status !== 0) throw weComError(95019);
		servicer = record.userid;
	}
	const firstTime = !session.visited.has(target);
	if (target === 4) corp.endSession(session);
	else {
		session.service_state = target;
		session.visited.add(target);
		if (servicer) session.servicer_userid = servicer;
		else delete session.servicer_userid;
	}
	const reply = REPLY_CODE[target as 2 | 3 | 4];
	if (!reply || (target !== 4 && !firstTime)) return { json: ok() };
	const [kind, seconds, types] = reply;
	return { json: ok({ msg_code: corp.newCode(kind, session, seconds, [...types]).code }) };
}

/** 1–100 ids; unknown ones are listed in invalid_external_userid. */
function batchget(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const ids = b.external_userid_list;
	if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100 || !ids.every((i) => typeof i === 'string')) {
		throw weComError(40058, 'external_userid_list must hold 1-100 ids');
	}
	const withContext = b.need_enter_session_context === 1;
	const customer_list = [];
	const invalid_external_userid: string[] = [];
	for (const id of ids as string[]) {
		const c = corp.customers.get(id);
		if (!c) {
			invalid_external_userid.push(id);
			continue;
		}
		customer_list.push({
			external_userid: c.external_userid,
			nickname: c.nickname,
			avatar: c.avatar,
			gender: c.gender,
			unionid: c.unionid ?? '',
			...(withContext && c.enter_session_context ? { enter_session_context: c.enter_session_context } : {}),
		});
	}
	return { json: ok({ customer_list, invalid_external_userid }) };
}

export const weComSessionRoutes: Route[] = [
	{ method: 'POST', path: '/cgi-bin/kf/service_state/get', handler: get },
	{ method: 'POST', path: '/cgi-bin/kf/service_state/trans', handler: trans },
	{ method: 'POST', path: '/cgi-bin/kf/customer/batchget', handler: batchget },
];
