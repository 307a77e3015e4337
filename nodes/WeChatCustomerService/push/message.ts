import { ZonedFormatter } from '../../shared/zonedTime';
import { PushRejected } from '../../shared/push/errors';
import type { XmlObject, XmlValue } from '../../shared/push/xml';

export type PushReply = 'success' | 'transfer_customer_service';

/** Which EncodingAESKey opened an encrypted push: once no item says `previous`, that key can go. */
export type EncryptionKeyUsed = 'current' | 'previous';

/** One accepted push as an item: WeChat's elements with WeChat's names, plus our fields. */
export interface PushItem {
	[name: string]: XmlValue | number | boolean | undefined;
	ToUserName: string;
	FromUserName: string;
	CreateTime: number;
	MsgType: string;
	openid: string;
	createTimeIso: string;
	encrypted: boolean;
	encryptionKey?: EncryptionKeyUsed;
	reply: PushReply;
	rawXml?: string;
}

/** The header every push carries, checked; the rest of the elements as sent. */
export interface PushMessage {
	fields: XmlObject;
	ToUserName: string;
	FromUserName: string;
	CreateTime: number;
	MsgType: string;
}

function text(fields: XmlObject, name: string): string {
	const value = fields[name];
	if (typeof value !== 'string' || value === '') {
		throw new PushRejected(400, `The message has no ${name}`);
	}
	return value;
}

export function readMessage(fields: XmlObject): PushMessage {
	const createTime = text(fields, 'CreateTime').trim();
	if (!/^\d{1,12}$/.test(createTime)) throw new PushRejected(400, 'The message has no valid CreateTime');
	return {
		fields,
		ToUserName: text(fields, 'ToUserName'),
		FromUserName: text(fields, 'FromUserName'),
		CreateTime: Number(createTime),
		MsgType: text(fields, 'MsgType'),
	};
}

/**
 * What the `events` parameter matches: the message type, or for `MsgType` event the event
 * name, lower-cased (WeChat writes some events in upper case; the item keeps them as sent).
 */
export function pushType(m: PushMessage): string {
	const event = m.fields.Event;
	if (m.MsgType.toLowerCase() === 'event') return typeof event === 'string' ? event.toLowerCase() : 'event';
	return m.MsgType.toLowerCase();
}

export function isEvent(m: PushMessage): boolean {
	return m.MsgType.toLowerCase() === 'event';
}

const formatters = new Map<string, ZonedFormatter>();

function isoIn(unix: number, timeZone: string): string {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new ZonedFormatter(timeZone);
		formatters.set(timeZone, f);
	}
	return f.iso(unix);
}

export function toItem(
	m: PushMessage,
	extra: {
		encrypted: boolean;
		encryptionKey?: EncryptionKeyUsed;
		reply: PushReply;
		timeZone: string;
		rawXml?: string;
	},
): PushItem {
	const item: PushItem = {
		...m.fields,
		ToUserName: m.ToUserName,
		FromUserName: m.FromUserName,
		CreateTime: m.CreateTime,
		MsgType: m.MsgType,
		openid: m.FromUserName,
		createTimeIso: isoIn(m.CreateTime, extra.timeZone),
		encrypted: extra.encrypted,
		...(extra.encryptionKey ? { encryptionKey: extra.encryptionKey } : {}),
		reply: extra.reply,
	};
	if (extra.rawXml !== undefined) item.rawXml = extra.rawXml;
	return item;
}
