// Customer-service messages: message/custom/send bodies and message/custom/typing. Knows nothing of n8n.
import { WeChatInputError } from '../../shared/errors';

export const MESSAGE_TYPES = [
	'text',
	'image',
	'voice',
	'video',
	'music',
	'news',
	'mpnews',
	'mpnewsarticle',
	'msgmenu',
	'wxcard',
	'miniprogrampage',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/**
 * WeChat documents no size for a kf text message; over the limit it answers 45002 "content size
 * out of limit", and developers measured 2048 bytes (WeChat community thread on
 * customerServiceMessage.send, and WeCom's documented 2048-byte text limit). Counted in UTF-8
 * bytes, so 682 Chinese characters (3 bytes each) fit.
 */
const MAX_TEXT_BYTES = 2048;

/** Since 2018 a kf news message carries exactly one article (more: 45008). */
const NEWS_ARTICLES = 1;

function utf8Bytes(value: string): number {
	return Buffer.byteLength(value, 'utf8');
}

function isHttpUrl(value: string): boolean {
	if (!/^https?:\/\/[^\s/]+/i.test(value)) return false;
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

export function requireValue(field: string, value: string): string {
	if (!value) throw new WeChatInputError(field, 'is required but empty');
	return value;
}

export function validateText(field: string, value: string): string {
	if (!value.trim()) throw new WeChatInputError(field, 'is required but empty');
	const bytes = utf8Bytes(value);
	if (bytes > MAX_TEXT_BYTES) {
		throw new WeChatInputError(
			field,
			`is ${bytes} bytes in UTF-8; WeChat accepts at most ${MAX_TEXT_BYTES} bytes in one text message (about ${Math.floor(MAX_TEXT_BYTES / 3)} Chinese characters). Split it into several messages`,
		);
	}
	return value;
}

export function validateUrl(field: string, value: string): string {
	if (!isHttpUrl(value)) {
		throw new WeChatInputError(field, `must be an http:// or https:// URL, got "${value}"`);
	}
	return value;
}

interface NewsArticle {
	title: string;
	description?: string;
	url: string;
	picurl?: string;
}

interface MenuItem {
	id: string;
	content: string;
}

/** What follows `msgtype` in the body: `{ <msgtype>: payload }`. */
export type MessagePayload = Record<string, unknown>;

export interface CustomMessage {
	touser: string;
	msgtype: MessageType;
	payload: MessagePayload;
	/** Send as this agent (`customservice.kf_account`); omitted when empty. */
	kfAccount?: string;
}

export function customMessageBody(message: CustomMessage): Record<string, unknown> {
	const body: Record<string, unknown> = {
		touser: message.touser,
		msgtype: message.msgtype,
		[message.msgtype]: message.payload,
	};
	if (message.kfAccount) body.customservice = { kf_account: message.kfAccount };
	return body;
}

export function validateNewsArticles(field: string, articles: NewsArticle[]): NewsArticle[] {
	if (articles.length !== NEWS_ARTICLES) {
		throw new WeChatInputError(
			field,
			`must hold exactly ${NEWS_ARTICLES} article (WeChat sends one article per customer-service news message), got ${articles.length}`,
		);
	}
	return articles;
}

export function validateMenuItems(field: string, items: Array<Partial<MenuItem>>): MenuItem[] {
	if (!items.length) throw new WeChatInputError(field, 'needs at least one menu item');
	return items.map((item, i) => {
		const id = requireValue(`${field}[${i}].id`, String(item.id ?? '').trim());
		const content = requireValue(`${field}[${i}].content`, String(item.content ?? '').trim());
		return { id, content };
	});
}

export type TypingCommand = 'Typing' | 'CancelTyping';

export const TYPING_COMMANDS: Record<'typing' | 'cancel', TypingCommand> = {
	typing: 'Typing',
	cancel: 'CancelTyping',
};
