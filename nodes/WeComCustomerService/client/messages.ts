// 微信客服 messages: kf/send_msg, kf/send_msg_on_event and kf/recall_msg, with WeCom's limits.
// Pure functions: they throw WeChatInputError (field + problem) before anything is sent.
import type { WeChatResult } from '../../shared/client/WeChatClient';
import { WeChatInputError } from '../../shared/errors';
import { WeChatTransportError } from '../../shared/transport/errors';
import type { WeComClient } from './WeComClient';
import { WECOM_CALLS } from './calls';

export const SEND_TYPES = ['text', 'image', 'voice', 'video', 'file', 'link', 'miniprogram', 'msgmenu', 'location'] as const;
export type SendType = (typeof SEND_TYPES)[number];
/** What an event code may send (a welcome or end code: text or a menu). */
export const EVENT_TYPES = ['text', 'msgmenu'] as const;

export const MENU_ITEM_TYPES = ['click', 'view', 'miniprogram', 'text'] as const;
export type MenuItemType = (typeof MENU_ITEM_TYPES)[number];
/** A msgmenu holds at most 10 items (more: 95008). */
export const MENU_MAX_ITEMS = 10;

/** Text of one message, in UTF-8 bytes (682 Chinese characters fit). */
export const TEXT_MAX_BYTES = 2048;

const MSGID_PATTERN = /^[0-9a-zA-Z_-]{1,32}$/;

/** What follows `msgtype` in the body: `{ <msgtype>: payload }`. */
export type MessagePayload = Record<string, unknown>;

/** A required text field of at most `maxBytes` UTF-8 bytes (`optional`: empty allowed, then ''). */
export function checkBytes(field: string, value: string, maxBytes: number, optional = false): string {
	if (!value.trim()) {
		if (optional) return '';
		throw new WeChatInputError(field, 'is required but empty');
	}
	const bytes = Buffer.byteLength(value, 'utf8');
	if (bytes > maxBytes) {
		const chinese = maxBytes >= 6 ? ` (about ${Math.floor(maxBytes / 3)} Chinese characters)` : '';
		throw new WeChatInputError(field, `is ${bytes} bytes in UTF-8; WeCom accepts at most ${maxBytes}${chinese}`);
	}
	return value;
}

/** An http(s) link of at most 2048 bytes. */
export function checkLink(field: string, value: string): string {
	checkBytes(field, value, 2048);
	let protocol = '';
	try {
		protocol = new URL(value).protocol;
	} catch {
		protocol = '';
	}
	if (protocol !== 'http:' && protocol !== 'https:') throw new WeChatInputError(field, `must be an http:// or https:// URL, got "${value}"`);
	return value;
}

/** The optional `msgid`: at most 32 of [0-9a-zA-Z_-], unique per account. */
export function checkMsgid(field: string, value: string): string {
	if (!MSGID_PATTERN.test(value)) throw new WeChatInputError(field, `must be 1–32 letters, digits, _ or -, got "${value}"`);
	return value;
}

/** A coordinate in degrees within ±`limit`. */
export function checkCoordinate(field: string, raw: unknown, limit: number): number {
	const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
	if (!Number.isFinite(value) || Math.abs(value) > limit) {
		throw new WeChatInputError(field, `must be a number from -${limit} to ${limit}, got ${JSON.stringify(raw)}`);
	}
	return value;
}

export interface MenuEntry {
	type: MenuItemType;
	id: string;
	content: string;
	url: string;
	miniProgramAppId: string;
	pagePath: string;
}

/**
 * A msgmenu `list`: 1–10 items, each of WeCom's four kinds with its own fields and limits; errors
 * name `field[i].<entry key>` (the node's parameter names).
 */
export function menuList(field: string, entries: MenuEntry[]): Array<Record<string, unknown>> {
	if (entries.length === 0) throw new WeChatInputError(field, 'needs at least one menu item');
	if (entries.length > MENU_MAX_ITEMS) throw new WeChatInputError(field, `holds ${entries.length} items; WeCom allows at most ${MENU_MAX_ITEMS}`);
	return entries.map((entry, i) => {
		const at = (name: string) => `${field}[${i}].${name}`;
		switch (entry.type) {
			case 'click': {
				const click: Record<string, string> = {};
				if (entry.id) click.id = checkBytes(at('id'), entry.id, 128);
				click.content = checkBytes(at('content'), entry.content, 128);
				return { type: 'click', click };
			}
			case 'view':
				return { type: 'view', view: { url: checkLink(at('url'), entry.url), content: checkBytes(at('content'), entry.content, 1024) } };
			case 'miniprogram':
				return {
					type: 'miniprogram',
					miniprogram: {
						appid: checkBytes(at('miniProgramAppId'), entry.miniProgramAppId, 32),
						pagepath: checkBytes(at('pagePath'), entry.pagePath, 1024),
						content: checkBytes(at('content'), entry.content, 1024),
					},
				};
			case 'text':
				return { type: 'text', text: { content: checkBytes(at('content'), entry.content, 256) } };
			default:
				throw new WeChatInputError(at('type'), `must be one of ${MENU_ITEM_TYPES.join(', ')}, got "${String(entry.type)}"`);
		}
	});
}

export interface OutgoingMessage {
	msgtype: string;
	payload: MessagePayload;
	/** Optional: WeCom makes one when absent. */
	msgid?: string;
}

function body(message: OutgoingMessage, to: Record<string, string>): Record<string, unknown> {
	return { ...to, ...(message.msgid ? { msgid: message.msgid } : {}), msgtype: message.msgtype, [message.msgtype]: message.payload };
}

function msgidOf(answer: WeChatResult & { msgid?: unknown }, path: string): string {
	if (typeof answer.msgid !== 'string' || !answer.msgid) {
		throw new WeChatTransportError('invalidResponse', path, `WeCom's answer to ${path.replace('/cgi-bin/', '')} has no msgid`);
	}
	return answer.msgid;
}

/** POST kf/send_msg to the customer `touser` from account `openKfId`; the msgid. */
export async function sendMessage(client: WeComClient, touser: string, openKfId: string, message: OutgoingMessage): Promise<string> {
	const path = WECOM_CALLS.sendMessage.path;
	return msgidOf(await client.write(path, body(message, { touser, open_kfid: openKfId })), path);
}

/** POST kf/send_msg_on_event with an event's `code` (welcome, queue, accepted or end code); the msgid. */
export async function sendMessageOnEvent(client: WeComClient, code: string, message: OutgoingMessage): Promise<string> {
	const path = WECOM_CALLS.sendOnEvent.path;
	return msgidOf(await client.write(path, body(message, { code })), path);
}

/** POST kf/recall_msg: a message the account sent, within 2 minutes. */
export async function recallMessage(client: WeComClient, openKfId: string, msgid: string): Promise<void> {
	await client.write(WECOM_CALLS.recallMessage.path, { open_kfid: openKfId, msgid });
}
