// WeChat's side of server push, written apart from the trigger's own code so that each checks
// the other: builds any message or event XML, signs (and per mode encrypts) it, POSTs it to a
// URL and checks the passive reply (its MsgSignature and AppID when encrypted).
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';

import { SANDBOX_PUSH } from './demoCredential';

export { SANDBOX_PUSH };

export type PushMode = 'plain' | 'compatible' | 'safe';

export const PUSH_TYPES = [
	'text',
	'image',
	'voice',
	'video',
	'shortvideo',
	'location',
	'link',
	'subscribe',
	'unsubscribe',
	'kf_create_session',
	'kf_close_session',
	'kf_switch_session',
] as const;
export type PushType = (typeof PUSH_TYPES)[number];

const EVENTS = new Set<string>(['subscribe', 'unsubscribe', 'kf_create_session', 'kf_close_session', 'kf_switch_session']);


export interface PushTarget {
	token: string;
	encodingAESKey?: string;
	appId?: string;
	mode: PushMode;
}

export interface PushSpec {
	type: PushType;
	/** Customer openid (FromUserName). */
	from?: string;
	/** Account original ID (ToUserName). */
	to?: string;
	createTime?: number;
	msgId?: string;
	content?: string;
	kfAccount?: string;
	fromKfAccount?: string;
	toKfAccount?: string;
	/** Extra elements, as WeChat might add. */
	extra?: Record<string, string>;
	/** MediaId / ThumbMediaId of an image, voice or video (media the sandbox holds, so media/get works). */
	mediaId?: string;
	thumbMediaId?: string;
}

const cdata = (v: string) => `<![CDATA[${v.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

function msgId(): string {
	// 19 digits, above 2^53, like real MsgIds.
	return `74${String(randomInt(10 ** 8, 10 ** 9))}${String(randomInt(10 ** 7, 10 ** 8))}`;
}

/** The message XML WeChat would send, one element per line as in captured traffic. */
export function pushXml(spec: PushSpec, now: number): string {
	const lines: string[] = [
		`<ToUserName>${cdata(spec.to ?? SANDBOX_PUSH.originalId)}</ToUserName>`,
		`<FromUserName>${cdata(spec.from ?? 'oSandboxCustomer0001')}</FromUserName>`,
		`<CreateTime>${spec.createTime ?? now}</CreateTime>`,
	];
	const el = (name: string, value: string, bare = false) => lines.push(`<${name}>${bare ? value : cdata(value)}</${name}>`);
	if (EVENTS.has(spec.type)) {
		el('MsgType', 'event');
		el('Event', spec.type);
		if (spec.type === 'kf_create_session' || spec.type === 'kf_close_session') el('KfAccount', spec.kfAccount ?? '');
		if (spec.type === 'kf_switch_session') {
			el('FromKfAccount', spec.fromKfAccount ?? '');
			el('ToKfAccount', spec.toKfAccount ?? '');
		}
		if (spec.type === 'unsubscribe') el('EventKey', '');
	} else {
		el('MsgType', spec.type);
		const media = spec.mediaId ?? `sandbox_media_${spec.type}`;
		switch (spec.type) {
			case 'text':
				el('Content', spec.content ?? '你好');
				break;
			case 'image':
				el('PicUrl', 'http://mmbiz.qpic.cn/sandbox/0');
				el('MediaId', media);
				break;
			case 'voice':
				el('MediaId', media);
				el('Format', 'amr');
				el('Recognition', spec.content ?? '');
				break;
			case 'video':
			case 'shortvideo':
				el('MediaId', media);
				el('ThumbMediaId', spec.thumbMediaId ?? `${media}_thumb`);
				break;
			case 'location':
				el('Location_X', '23.134521', true);
				el('Location_Y', '113.358803', true);
				el('Scale', '20', true);
				el('Label', spec.content ?? '广州市天河区');
				break;
			case 'link':
				el('Title', spec.content ?? 'Sandbox link');
				el('Description', 'A link pushed by the sandbox');
				el('Url', 'https://example.com/sandbox');
				break;
		}
		el('MsgId', spec.msgId ?? msgId(), true);
	}
	for (const [k, v] of Object.entries(spec.extra ?? {})) el(k, v);
	return `<xml>\n${lines.join('\n')}\n</xml>`;
}

function sha1Sorted(parts: string[]): string {
	return createHash('sha1').update(parts.slice().sort().join('')).digest('hex');
}

function keyBytes(encodingAESKey: string): Buffer {
	const key = Buffer.from(`${encodingAESKey}=`, 'base64');
	if (key.length !== 32) throw new Error('the EncodingAESKey must decode to 32 bytes (43 characters)');
	return key;
}

/** random(16) ‖ length ‖ xml ‖ AppID, padded to 32-byte blocks by hand. */
export function sandboxEncrypt(encodingAESKey: string, appId: string, xml: string, random = randomBytes(16)): string {
	const key = keyBytes(encodingAESKey);
	const body = Buffer.from(xml);
	const head = Buffer.alloc(20);
	random.copy(head, 0, 0, 16);
	head.writeUInt32BE(body.length, 16);
	const plain = Buffer.concat([head, body, Buffer.from(appId)]);
	const padLength = 32 - (plain.length % 32);
	const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
	return Buffer.concat([c.update(Buffer.concat([plain, Buffer.alloc(padLength, padLength)])), c.final()]).toString('base64');
}

export function sandboxDecrypt(encodingAESKey: string, encrypted: string): { xml: string; appId: string } {
	const key = keyBytes(encodingAESKey);
	const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
	const plain = Buffer.concat([d.update(Buffer.from(encrypted, 'base64')), d.final()]);
	const padLength = plain[plain.length - 1];
	const frame = plain.subarray(0, plain.length - padLength);
	const length = frame.readUInt32BE(16);
	return { xml: frame.subarray(20, 20 + length).toString(), appId: frame.subarray(20 + length).toString() };
}

export interface SignedPush {
	/** Query string without `?`. */
	query: string;
	body: string;
	timestamp: string;
	nonce: string;
}

/** Signs (and per mode encrypts) a message XML as WeChat does. */
export function signPush(
	target: PushTarget,
	xml: string,
	options: { timestamp?: number; nonce?: string; openid?: string } = {},
): SignedPush {
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const nonce = options.nonce ?? String(randomInt(100000000, 2000000000));
	const q = new URLSearchParams({ signature: sha1Sorted([target.token, timestamp, nonce]), timestamp, nonce });
	if (options.openid) q.set('openid', options.openid);
	if (target.mode === 'plain') return { query: q.toString(), body: xml, timestamp, nonce };
	if (!target.encodingAESKey || !target.appId) throw new Error(`${target.mode} mode needs an EncodingAESKey and AppID`);
	const encrypt = sandboxEncrypt(target.encodingAESKey, target.appId, xml);
	q.set('encrypt_type', 'aes');
	q.set('msg_signature', sha1Sorted([target.token, timestamp, nonce, encrypt]));
	const to = /<ToUserName><!\[CDATA\[(.*?)\]\]><\/ToUserName>/.exec(xml)?.[1] ?? '';
	const body =
		target.mode === 'safe'
			? `<xml>\n<ToUserName>${cdata(to)}</ToUserName>\n<Encrypt>${cdata(encrypt)}</Encrypt>\n</xml>`
			: xml.replace(/<\/xml>$/, `<Encrypt>${cdata(encrypt)}</Encrypt>\n</xml>`);
	return { query: q.toString(), body, timestamp, nonce };
}

/** Signed GET for the URL verification. */
export function verificationQuery(token: string, echostr: string, timestamp = Math.floor(Date.now() / 1000)): string {
	const nonce = String(randomInt(100000000, 2000000000));
	const ts = String(timestamp);
	return new URLSearchParams({ signature: sha1Sorted([token, ts, nonce]), echostr, timestamp: ts, nonce }).toString();
}

const element = (xml: string, name: string) =>
	new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml)?.slice(1).find((v) => v !== undefined);

export interface PushReplyCheck {
	status: number;
	contentType: string;
	body: string;
	/** `success`, empty, or the reply's MsgType (decrypted first when encrypted). */
	kind: string;
	/** The reply message XML (decrypted when the reply was encrypted). */
	replyXml?: string;
	encrypted: boolean;
	/** Problems with the reply as WeChat would see them (bad signature, wrong AppID …). */
	problems: string[];
	/** Elements of the reply message, for transfer replies (KfAccount, ToUserName …). */
	fields: Record<string, string>;
}

/** Reads a passive reply as WeChat would, verifying an encrypted one. */
export function checkReply(target: PushTarget, status: number, contentType: string, body: string): PushReplyCheck {
	const out: PushReplyCheck = { status, contentType, body, kind: body.trim(), encrypted: false, problems: [], fields: {} };
	// WeChat reads no reply from a non-200 answer: it is an error page, not a reply to judge.
	if (status !== 200) out.problems.push(`HTTP ${status}`);
	if (status !== 200 || body === '' || body === 'success') return out;
	let xml = body;
	const encrypt = element(body, 'Encrypt');
	if (encrypt !== undefined) {
		out.encrypted = true;
		const sig = element(body, 'MsgSignature') ?? '';
		const ts = element(body, 'TimeStamp') ?? '';
		const nonce = element(body, 'Nonce') ?? '';
		if (sig !== sha1Sorted([target.token, ts, nonce, encrypt])) out.problems.push('MsgSignature does not verify');
		if (!/^\d{10}$/.test(ts)) out.problems.push('TimeStamp is not Unix seconds');
		if (!target.encodingAESKey) out.problems.push('encrypted reply, but no EncodingAESKey to read it');
		else {
			const opened = sandboxDecrypt(target.encodingAESKey, encrypt);
			if (opened.appId !== target.appId) out.problems.push('the reply carries another AppID');
			xml = opened.xml;
		}
	} else if (target.mode === 'safe') {
		out.problems.push('a safe-mode push got a reply in clear');
	}
	out.replyXml = xml;
	for (const name of ['ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'KfAccount']) {
		const v = element(xml, name);
		if (v !== undefined) out.fields[name] = v;
	}
	out.kind = out.fields.MsgType ?? 'unknown';
	return out;
}

/** POSTs a push to `url` and reads the reply. */
export async function sendPush(
	url: string,
	target: PushTarget,
	spec: PushSpec,
	options: { timestamp?: number; now?: number; timeoutMs?: number } = {},
): Promise<PushReplyCheck & { xml: string; signed: SignedPush }> {
	const now = options.now ?? Math.floor(Date.now() / 1000);
	const xml = pushXml(spec, now);
	const from = spec.from ?? 'oSandboxCustomer0001';
	const signed = signPush(target, xml, { timestamp: options.timestamp ?? now, openid: from });
	const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}${signed.query}`, {
		method: 'POST',
		headers: { 'content-type': 'text/xml' },
		body: signed.body,
		signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
	});
	const body = await res.text();
	return { ...checkReply(target, res.status, res.headers.get('content-type') ?? '', body), xml, signed };
}

export function isCustomerMessage(type: PushType): boolean {
	return !EVENTS.has(type);
}
