// kf/send_msg, kf/send_msg_on_event, kf/recall_msg.
import type { ReceivedRequest, Route, SandboxContext } from '../../types';
import { checkContent, SEND_TYPES } from '../content';
import { SEND_WINDOW_SECONDS, SENDS_PER_CUSTOMER_MESSAGE, type WeComCorp } from '../corp';
import { ok, weComError } from '../errors';
import { newId } from '../ids';
import type { SentMessage } from '../model';
import { body, checkToken, corpOf } from './common';

/** A recall must come within 2 minutes of the send. */
export const RECALL_SECONDS = 120;

/** The caller's msgid (≤32 of [0-9a-zA-Z_-], unique per account) or a new one. */
function msgidOf(corp: WeComCorp, b: Record<string, unknown>, openKfid: string): string {
	if (b.msgid === undefined || b.msgid === '') return newId('', 32);
	const msgid = checkToken(b.msgid, 'msgid', 32);
	if (corp.sent.some((m) => m.open_kfid === openKfid && m.msgid === msgid)) throw weComError(40058, 'msgid already used');
	return msgid;
}

function record(corp: WeComCorp, m: Omit<SentMessage, 'sent_at' | 'recalled'>): SentMessage {
	const sent: SentMessage = { ...m, sent_at: corp.clock.now(), recalled: false };
	corp.sent.push(sent);
	return sent;
}

/**
 * Within 48 hours of the customer's last message (95002), while the session is new or with the
 * assistant/API, states 0 and 1 (95018), at most 5 messages per customer message (95001).
 */
function send(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const account = corp.managedAccount(b.open_kfid);
	const customer = corp.customer(b.touser);
	const msgid = msgidOf(corp, b, account.open_kfid);
	const msgtype = checkContent(corp, b, SEND_TYPES);
	const session = corp.session(account.open_kfid, customer.external_userid);
	const now = corp.clock.now();
	if (session.lastCustomerMessageAt === undefined || session.lastCustomerMessageAt + SEND_WINDOW_SECONDS <= now) throw weComError(95002);
	if (session.service_state !== 0 && session.service_state !== 1) throw weComError(95018);
	if (session.sentSinceCustomerMessage >= SENDS_PER_CUSTOMER_MESSAGE) throw weComError(95001);
	session.sentSinceCustomerMessage += 1;
	record(corp, { msgid, open_kfid: account.open_kfid, touser: customer.external_userid, msgtype, body: b, via: 'send_msg' });
	return { json: ok({ msgid }) };
}

/** One message per code, within the code's lifetime, while its session is still in the state that produced it. */
function sendOnEvent(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const code = typeof b.code === 'string' ? corp.codes.get(b.code) : undefined;
	if (!code) throw weComError(40058, 'invalid code');
	if (code.used) throw weComError(40058, 'code already used');
	if (corp.clock.now() >= code.expiresAt) throw weComError(40058, 'code expired');
	const session = corp.session(code.open_kfid, code.external_userid);
	if (session.service_state !== code.state) throw weComError(95013);
	const msgid = msgidOf(corp, b, code.open_kfid);
	const msgtype = checkContent(corp, b, code.msgtypes);
	code.used = true;
	record(corp, { msgid, open_kfid: code.open_kfid, touser: code.external_userid, msgtype, body: b, via: 'send_msg_on_event', code: code.code });
	return { json: ok({ msgid }) };
}

/** A message this account sent through the API, within 2 minutes; it still counts toward the 5. */
function recall(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const account = corp.managedAccount(b.open_kfid);
	const sent = corp.sent.find((m) => m.open_kfid === account.open_kfid && m.msgid === b.msgid && !m.recalled);
	if (!sent) throw weComError(40058, 'invalid msgid');
	if (corp.clock.now() - sent.sent_at > RECALL_SECONDS) throw weComError(40058, 'the message was sent more than 2 minutes ago');
	sent.recalled = true;
	return { json: ok() };
}

export const weComMessageRoutes: Route[] = [
	{ method: 'POST', path: '/cgi-bin/kf/send_msg', handler: send },
	{ method: 'POST', path: '/cgi-bin/kf/send_msg_on_event', handler: sendOnEvent },
	{ method: 'POST', path: '/cgi-bin/kf/recall_msg', handler: recall },
];
