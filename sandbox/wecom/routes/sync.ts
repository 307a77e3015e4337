// kf/sync_msg: an account's stream after an opaque cursor, with the callback's token or, without
// one, under a strict rate limit.
import type { ReceivedRequest, Route, SandboxContext } from '../../types';
import type { WeComCorp } from '../corp';
import { ok, weComError } from '../errors';
import type { StreamEntry } from '../model';
import { body, optionalInt } from './common';

/**
 * Without a token WeCom limits sync_msg strictly and does not publish the figure; the sandbox
 * allows 10 such calls per corp in any 60 seconds of its clock, then answers 45009.
 */
export const TOKENLESS_SYNC_LIMIT = { calls: 10, seconds: 60 };

const CURSOR_PREFIX = 'sync';

/** Opaque to the caller: the account and the position of the last entry returned. */
export function syncCursor(openKfid: string, seq: number): string {
	return Buffer.from(`${CURSOR_PREFIX}:${openKfid}:${seq}`).toString('base64url');
}

function positionOf(cursor: unknown, openKfid: string): number {
	if (cursor === undefined || cursor === '') return 0;
	const text = typeof cursor === 'string' && Buffer.byteLength(cursor) <= 64 ? Buffer.from(cursor, 'base64url').toString() : '';
	const [prefix, account, seq] = text.split(':');
	if (prefix !== CURSOR_PREFIX || account !== openKfid || !/^\d+$/.test(seq ?? '')) throw weComError(40058, 'invalid cursor');
	return Number(seq);
}

function checkToken(corp: WeComCorp, token: unknown, openKfid: string): void {
	const now = corp.clock.now();
	if (token !== undefined && token !== '') {
		const known = typeof token === 'string' ? corp.syncTokens.get(token) : undefined;
		if (!known || known.open_kfid !== openKfid || now >= known.expiresAt) throw weComError(95007);
		return;
	}
	corp.tokenlessSyncCalls = corp.tokenlessSyncCalls.filter((t) => t > now - TOKENLESS_SYNC_LIMIT.seconds);
	if (corp.tokenlessSyncCalls.length >= TOKENLESS_SYNC_LIMIT.calls) throw weComError(45009);
	corp.tokenlessSyncCalls.push(now);
}

/** An entry as sync_msg shows it: an event carries open_kfid and external_userid only inside `event`; a voice in the asked format (0 amr, 1 silk). */
function shown(e: StreamEntry, voiceFormat: number): Record<string, unknown> {
	const content = e.msgtype === 'voice' && voiceFormat === 1 && e.silkMediaId ? { media_id: e.silkMediaId } : e.content;
	return {
		msgid: e.msgid,
		...(e.msgtype === 'event' ? {} : { open_kfid: e.open_kfid, external_userid: e.external_userid }),
		send_time: e.send_time,
		origin: e.origin,
		...(e.servicer_userid ? { servicer_userid: e.servicer_userid } : {}),
		msgtype: e.msgtype,
		[e.msgtype]: content,
	};
}

function sync(req: ReceivedRequest, sb: SandboxContext) {
	const corp = sb.state.wecom.corpOf(req.query.access_token);
	const b = body(req);
	if (b.open_kfid === undefined) throw weComError(40058, 'open_kfid missing');
	if (b.open_kfid === '') throw weComError(40058, 'field open_kfid unexpected empty string');
	const account = corp.account(b.open_kfid);
	const limit = optionalInt(b, 'limit', 1, 1000, 1000);
	const voiceFormat = optionalInt(b, 'voice_format', 0, 1, 0);
	const position = positionOf(b.cursor, account.open_kfid);
	checkToken(corp, b.token, account.open_kfid);
	const empty = corp.emptyPages.get(account.open_kfid) ?? 0;
	if (empty > 0) {
		corp.emptyPages.set(account.open_kfid, empty - 1);
		return { json: ok({ next_cursor: syncCursor(account.open_kfid, position), has_more: 1, msg_list: [] }) };
	}
	const waiting = corp.retained(account.open_kfid).filter((e) => e.seq > position);
	const page = waiting.slice(0, Math.min(limit, corp.pageCap ?? limit));
	const last = page.length ? page[page.length - 1].seq : position;
	return {
		json: ok({
			next_cursor: syncCursor(account.open_kfid, last),
			has_more: waiting.length > page.length ? 1 : 0,
			msg_list: page.map((e) => shown(e, voiceFormat)),
		}),
	};
}

export const weComSyncRoutes: Route[] = [{ method: 'POST', path: '/cgi-bin/kf/sync_msg', handler: sync }];
