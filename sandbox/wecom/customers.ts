// What customers and servicers do outside the API, as the sandbox plays them: a customer writes or
// enters a session, a servicer writes from the WeCom client or changes status, events happen.
import { SEND_WINDOW_SECONDS, type WeComCorp } from './corp';
import { customerMedia } from './media';
import type { Customer, ServiceState, StreamEntry } from './model';

/** A welcome code may be used within 20 seconds. */
export const WELCOME_CODE_SECONDS = 20;

/** What a customer can send in the sandbox. */
export const CUSTOMER_MESSAGE_TYPES = ['text', 'image', 'voice', 'video', 'file', 'location', 'link'] as const;

export interface CustomerMessage {
	msgtype: (typeof CUSTOMER_MESSAGE_TYPES)[number];
	/** For text: the content; for the others a short label (location name, link title, file name). */
	content?: string;
	menu_id?: string;
}

/** A customer known to the corp (created with a plain profile the first time). */
export function ensureCustomer(corp: WeComCorp, externalUserid: string, profile: Partial<Customer> = {}): Customer {
	let customer = corp.customers.get(externalUserid);
	if (!customer) {
		customer = { external_userid: externalUserid, nickname: profile.nickname ?? '微信用户', avatar: profile.avatar ?? '', gender: profile.gender ?? 0 };
		corp.customers.set(externalUserid, customer);
	}
	Object.assign(customer, profile);
	return customer;
}

function content(corp: WeComCorp, m: CustomerMessage): { content: Record<string, unknown>; silkMediaId?: string } {
	switch (m.msgtype) {
		case 'text':
			return { content: { content: m.content ?? '你好', ...(m.menu_id ? { menu_id: m.menu_id } : {}) } };
		case 'image':
		case 'video':
			return { content: { media_id: customerMedia(corp, m.msgtype).media_id } };
		case 'file':
			return { content: { media_id: customerMedia(corp, 'file').media_id } };
		case 'voice':
			return { content: { media_id: customerMedia(corp, 'voice').media_id }, silkMediaId: customerMedia(corp, 'voice', 'silk').media_id };
		case 'location':
			return { content: { latitude: 23.106021, longitude: 113.320108, name: m.content ?? '广州塔', address: '广东省广州市海珠区阅江西路222号' } };
		case 'link':
			return { content: { title: m.content ?? '订单详情', desc: '请帮我看看这个订单', url: 'https://example.com/order/1', pic_url: 'https://example.com/order/1.jpg' } };
	}
}

/**
 * A customer writes to an account: the message joins the stream (origin 3), the 48-hour window
 * opens and the 5-message count starts again; an ended session starts anew (state 0).
 */
export function customerWrites(corp: WeComCorp, openKfid: string, externalUserid: string, message: CustomerMessage, sendTime?: number): StreamEntry {
	corp.account(openKfid);
	ensureCustomer(corp, externalUserid);
	const at = sendTime ?? corp.clock.now();
	const session = corp.session(openKfid, externalUserid);
	if (at + SEND_WINDOW_SECONDS > corp.clock.now()) {
		if (session.service_state === 4) {
			session.service_state = 0;
			session.visited = new Set([0]);
		}
		session.lastCustomerMessageAt = Math.max(session.lastCustomerMessageAt ?? 0, at);
		session.sentSinceCustomerMessage = 0;
	}
	const { content: body, silkMediaId } = content(corp, message);
	return corp.append({ open_kfid: openKfid, external_userid: externalUserid, send_time: at, origin: 3, msgtype: message.msgtype, content: body, ...(silkMediaId ? { silkMediaId } : {}) });
}

/**
 * A customer opens the chat (from a contact link with `scene`/`scene_param`): an `enter_session`
 * event. When nothing was sent to the customer from this account in the last 48 hours (welcome
 * message included) it carries a welcome_code valid 20 seconds, for the session's current state.
 */
export function customerEnters(
	corp: WeComCorp,
	openKfid: string,
	externalUserid: string,
	context: { scene?: string; scene_param?: string; wechat_channels?: { nickname: string; scene: number } } = {},
	sendTime?: number,
): StreamEntry {
	corp.account(openKfid);
	const enter = { scene: context.scene ?? '', scene_param: context.scene_param ?? '', ...(context.wechat_channels ? { wechat_channels: context.wechat_channels } : {}) };
	ensureCustomer(corp, externalUserid, { enter_session_context: enter });
	const session = corp.session(openKfid, externalUserid);
	const event: Record<string, unknown> = { event_type: 'enter_session', open_kfid: openKfid, external_userid: externalUserid, ...enter };
	const at = sendTime ?? corp.clock.now();
	const sentRecently = corp.sent.some((m) => m.open_kfid === openKfid && m.touser === externalUserid && m.sent_at > at - SEND_WINDOW_SECONDS);
	if (!sentRecently) {
		const code = corp.newCode('welcome', session, WELCOME_CODE_SECONDS, ['text', 'msgmenu']);
		if (sendTime !== undefined) code.expiresAt = sendTime + WELCOME_CODE_SECONDS;
		event.welcome_code = code.code;
	}
	return corp.append({ open_kfid: openKfid, external_userid: externalUserid, send_time: sendTime, origin: 4, msgtype: 'event', content: event });
}

/** A servicer writes from the WeCom client (origin 5). */
export function servicerWrites(corp: WeComCorp, openKfid: string, externalUserid: string, servicerUserid: string, text: string, sendTime?: number): StreamEntry {
	return corp.append({ open_kfid: openKfid, external_userid: externalUserid, servicer_userid: servicerUserid, send_time: sendTime, origin: 5, msgtype: 'text', content: { content: text } });
}

/** A servicer changes status in the client: `servicer_status_change` (an event without a customer). */
export function servicerChangesStatus(corp: WeComCorp, openKfid: string, userid: string, status: 0 | 1, stopType: 0 | 1 = 0, sendTime?: number): StreamEntry {
	const servicer = corp.account(openKfid).servicers.get(userid);
	if (!servicer) throw new Error(`${userid} is not a servicer of ${openKfid}`);
	servicer.status = status;
	servicer.stop_type = status === 1 ? stopType : 0;
	const event = { event_type: 'servicer_status_change', servicer_userid: userid, status: status === 0 ? 1 : 2, ...(status === 1 ? { stop_type: stopType } : {}), open_kfid: openKfid };
	return corp.append({ open_kfid: openKfid, send_time: sendTime, origin: 4, msgtype: 'event', content: event });
}

/**
 * A servicer acts on a session in the client: 1 takes it from the pool, 2 transfers it, 3 ends it,
 * 4 takes back an ended or transferred one. old_servicer_userid comes with 2 and 3,
 * new_servicer_userid with 1 and 2, msg_code with 1 (reply) and 3 (closing).
 */
export function servicerChangesSession(corp: WeComCorp, openKfid: string, externalUserid: string, changeType: 1 | 2 | 3 | 4, newServicer?: string, sendTime?: number): StreamEntry {
	const session = corp.session(openKfid, externalUserid);
	const old = session.servicer_userid;
	const target: ServiceState = changeType === 3 ? 4 : 3;
	if (target === 4) corp.endSession(session);
	else {
		session.service_state = 3;
		session.servicer_userid = newServicer;
	}
	// A reply code when a servicer takes the session from the pool, a closing code when one ends it.
	const code =
		changeType === 3 ? corp.newCode('end', session, WELCOME_CODE_SECONDS, ['text', 'msgmenu']) : changeType === 1 ? corp.newCode('accepted', session, SEND_WINDOW_SECONDS, ['text']) : undefined;
	const event = {
		event_type: 'session_status_change',
		open_kfid: openKfid,
		external_userid: externalUserid,
		change_type: changeType,
		...(old && changeType !== 1 ? { old_servicer_userid: old } : {}),
		...(newServicer && changeType !== 3 ? { new_servicer_userid: newServicer } : {}),
		...(code ? { msg_code: code.code } : {}),
	};
	return corp.append({ open_kfid: openKfid, external_userid: externalUserid, send_time: sendTime, origin: 4, msgtype: 'event', content: event });
}

/** A customer recalls one of their messages: `user_recall_msg`. */
export function customerRecalls(corp: WeComCorp, openKfid: string, externalUserid: string, recallMsgid: string, sendTime?: number): StreamEntry {
	const event = { event_type: 'user_recall_msg', open_kfid: openKfid, external_userid: externalUserid, recall_msgid: recallMsgid };
	return corp.append({ open_kfid: openKfid, external_userid: externalUserid, send_time: sendTime, origin: 4, msgtype: 'event', content: event });
}

/** A message sent through the API could not be delivered: `msg_send_fail` (fail_type as WeCom numbers it). */
export function sendFailed(corp: WeComCorp, openKfid: string, externalUserid: string, failMsgid: string, failType: number): StreamEntry {
	const event = { event_type: 'msg_send_fail', open_kfid: openKfid, external_userid: externalUserid, fail_msgid: failMsgid, fail_type: failType };
	return corp.append({ open_kfid: openKfid, external_userid: externalUserid, origin: 4, msgtype: 'event', content: event });
}

