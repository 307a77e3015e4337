// kf/sync_msg: an account's messages and events after a cursor, page by page. Shared by the
// trigger (which keeps the cursor itself) and the action node's sync (where the user keeps it).
import { WeChatApiError } from '../../shared/errors';
import { listIn } from '../../shared/client/WeChatClient';
import type { ZonedFormatter } from '../../shared/zonedTime';
import type { WeComClient } from './WeComClient';
import { WECOM_CALLS } from './calls';

const SYNC_MSG_PATH = WECOM_CALLS.syncMessages.path;
/** WeCom's largest page (and its default). */
export const SYNC_PAGE_LIMIT = 1000;
/** sync_msg's answer to a callback Token that has expired (10 minutes) or belongs to another account. */
export const SYNC_TOKEN_INVALID = 95007;

/** One entry of msg_list, with WeCom's field names (events carry open_kfid only inside `event`). */
export interface KfMessage {
	msgid: string;
	open_kfid?: string;
	external_userid?: string;
	send_time: number;
	/** 3 customer, 4 system event, 5 servicer (in the WeCom client). */
	origin: number;
	servicer_userid?: string;
	msgtype: string;
	[content: string]: unknown;
}

/** sync_msg's `origin` codes by name. */
export const ORIGIN_CODES = { customer: 3, system: 4, servicer: 5 } as const;
export type OriginName = keyof typeof ORIGIN_CODES;
const ORIGIN_NAME: Record<number, string> = Object.fromEntries(Object.entries(ORIGIN_CODES).map(([name, code]) => [code, name]));

/**
 * An entry as an item: WeCom's field names in WeCom's order, plus `send_time_iso` (in `time`'s
 * zone) and `origin_name`; an event's open_kfid and external_userid (WeCom puts them only inside
 * `event`) are lifted to the top as well.
 */
export function messageItem(m: KfMessage, time: ZonedFormatter): Record<string, unknown> {
	const { msgid, open_kfid, external_userid, send_time, origin, servicer_userid, msgtype, ...content } = m;
	const event = (msgtype === 'event' ? m.event : undefined) as { open_kfid?: string; external_userid?: string } | undefined;
	const item: Record<string, unknown> = {
		msgid,
		open_kfid: open_kfid ?? event?.open_kfid,
		external_userid: external_userid ?? event?.external_userid,
		send_time,
		send_time_iso: time.iso(send_time),
		origin,
		origin_name: ORIGIN_NAME[origin] ?? 'unknown',
	};
	if (servicer_userid !== undefined) item.servicer_userid = servicer_userid;
	return { ...item, msgtype, ...content };
}

export interface SyncRequest {
	openKfId: string;
	/** Empty: the oldest message WeCom still holds (3 days). */
	cursor?: string;
	/** The callback's Token; without it WeCom allows only a strict rate. */
	token?: string;
	/** Per page, 1–1000. */
	limit?: number;
	/** 0 AMR (default), 1 SILK. */
	voiceFormat?: 0 | 1;
}

export interface SyncPage {
	messages: KfMessage[];
	nextCursor: string;
	hasMore: boolean;
}

/** One sync_msg call. `open_kfid` is always sent (WeCom requires it); empty fields are left out. */
export async function syncPage(client: WeComClient, req: SyncRequest): Promise<SyncPage> {
	const body: Record<string, unknown> = { open_kfid: req.openKfId, limit: req.limit ?? SYNC_PAGE_LIMIT };
	if (req.cursor) body.cursor = req.cursor;
	if (req.token) body.token = req.token;
	if (req.voiceFormat) body.voice_format = req.voiceFormat;
	const answer = await client.read(SYNC_MSG_PATH, body);
	const messages = listIn<KfMessage>(answer, 'msg_list', SYNC_MSG_PATH, 'WeCom');
	const nextCursor = typeof answer.next_cursor === 'string' && answer.next_cursor !== '' ? answer.next_cursor : (req.cursor ?? '');
	return { messages, nextCursor, hasMore: Number(answer.has_more) === 1 };
}

/** undefined when `error` is WeCom refusing the Token (the page is asked for again without it); else the error. */
function withoutToken(error: unknown, token: string | undefined): undefined {
	if (token && error instanceof WeChatApiError && error.errcode === SYNC_TOKEN_INVALID) return undefined;
	throw error;
}

/** What a pull did: the cursor after the last page, whether WeCom holds more, whether the token was dropped. */
export interface SyncOutcome {
	cursor: string;
	hasMore: boolean;
	pages: number;
	/** The Token was refused (95007), so the pull went on without it. */
	tokenDropped: boolean;
}

/**
 * Pages from `req.cursor` until `has_more` is 0 — never until an empty page: WeCom may answer an
 * empty page with has_more 1 — or until `maxMessages` came. Each page goes to `onPage` (the
 * caller saves the cursor there) before the next is asked for. A Token WeCom refuses (expired:
 * it lives 10 minutes) is dropped and the same page asked for again without it.
 */
export async function syncUntilEnd(
	client: WeComClient,
	req: SyncRequest,
	onPage: (page: SyncPage) => void | Promise<void>,
	maxMessages = Infinity,
): Promise<SyncOutcome> {
	let cursor = req.cursor ?? '';
	let token = req.token || undefined;
	let tokenDropped = false;
	let pulled = 0;
	let pages = 0;
	for (;;) {
		const limit = Math.min(req.limit ?? SYNC_PAGE_LIMIT, maxMessages - pulled);
		const page = await syncPage(client, { ...req, cursor, token, limit }).catch((error: unknown) => withoutToken(error, token));
		if (page === undefined) {
			token = undefined;
			tokenDropped = true;
			continue;
		}
		pages += 1;
		pulled += page.messages.length;
		cursor = page.nextCursor;
		await onPage(page);
		if (!page.hasMore || pulled >= maxMessages) return { cursor, hasMore: page.hasMore, pages, tokenDropped };
	}
}
