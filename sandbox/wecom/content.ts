// The content of each send_msg / send_msg_on_event type: required fields and WeCom's limits.
import type { WeComCorp } from './corp';
import { weComError } from './errors';

const bytes = (v: string) => Buffer.byteLength(v, 'utf8');

function field(obj: Record<string, unknown>, path: string, name: string, maxBytes?: number, required = true): void {
	const value = obj[name];
	if (value === undefined && !required) return;
	if (typeof value !== 'string' || value === '') throw weComError(40058, `${path}.${name} missing`);
	if (maxBytes !== undefined && bytes(value) > maxBytes) throw weComError(40058, `${path}.${name} exceeds ${maxBytes} bytes`);
}

function menu(m: Record<string, unknown>): void {
	field(m, 'msgmenu', 'head_content', 1024, false);
	field(m, 'msgmenu', 'tail_content', 1024, false);
	const list = m.list ?? [];
	if (!Array.isArray(list)) throw weComError(40058, 'msgmenu.list');
	if (list.length > 10) throw weComError(95008);
	list.forEach((item: Record<string, unknown>, i) => {
		const path = `msgmenu.list[${i}]`;
		const type = item?.type;
		const inner = (typeof type === 'string' && typeof item[type] === 'object' && item[type]) as Record<string, unknown>;
		if (!inner) throw weComError(95009, path);
		switch (type) {
			case 'click':
				field(inner, `${path}.click`, 'id', 128, false);
				field(inner, `${path}.click`, 'content', 128);
				break;
			case 'view':
				field(inner, `${path}.view`, 'url', 2048);
				field(inner, `${path}.view`, 'content', 1024);
				break;
			case 'miniprogram':
				field(inner, `${path}.miniprogram`, 'appid', 32);
				field(inner, `${path}.miniprogram`, 'pagepath', 1024);
				field(inner, `${path}.miniprogram`, 'content', 1024);
				break;
			case 'text':
				field(inner, `${path}.text`, 'content', 256);
				break;
			default:
				throw weComError(95009, path);
		}
	});
}

/** Each type's string fields: name, byte limit, required (default true). */
const FIELDS: Record<string, [string, number?, boolean?][]> = {
	text: [['content', 2048]],
	image: [['media_id']],
	voice: [['media_id']],
	video: [['media_id']],
	file: [['media_id']],
	link: [['title', 128], ['desc', 512, false], ['url', 2048], ['thumb_media_id']],
	miniprogram: [['appid', 32], ['title', 64, false], ['pagepath', 1024], ['thumb_media_id']],
	location: [['name', 1024, false], ['address', 1024, false]],
	ca_link: [['link_url', 2048]],
	msgmenu: [],
};

/** The types send_msg accepts. */
export const SEND_TYPES = Object.keys(FIELDS);

/** Checks `body[msgtype]`: 40008 an unknown type, 40058 a missing or too long field, 40007 an unknown media_id. */
export function checkContent(corp: WeComCorp, body: Record<string, unknown>, allowed: readonly string[]): string {
	const msgtype = body.msgtype;
	if (typeof msgtype !== 'string' || !allowed.includes(msgtype)) throw weComError(40008);
	const c = body[msgtype];
	if (typeof c !== 'object' || c === null || Array.isArray(c)) throw weComError(40058, `${msgtype} missing`);
	const o = c as Record<string, unknown>;
	for (const [name, maxBytes, required] of FIELDS[msgtype]) field(o, msgtype, name, maxBytes, required ?? true);
	if (o.media_id !== undefined) corp.mediaOf(o.media_id, msgtype as 'image' | 'voice' | 'video' | 'file');
	if (o.thumb_media_id !== undefined) corp.mediaOf(o.thumb_media_id, 'image');
	if (msgtype === 'msgmenu') menu(o);
	if (msgtype === 'location' && (typeof o.latitude !== 'number' || typeof o.longitude !== 'number')) {
		throw weComError(40058, 'location.latitude and location.longitude must be numbers');
	}
	return msgtype;
}
