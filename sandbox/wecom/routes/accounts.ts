// kf/account/add|del|update|list and kf/add_contact_way.
import type { ReceivedRequest, Route, SandboxContext } from '../../types';
import { UNVERIFIED_ACCOUNT_LIMIT, type WeComCorp } from '../corp';
import { ok, weComError } from '../errors';
import { newId } from '../ids';
import type { KfAccount } from '../model';
import { body, charLength, checkToken, corpOf, optionalInt } from './common';

/** A name of 1–16 characters (95006 otherwise). */
function checkName(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '' || charLength(value) > 16) throw weComError(95006);
	return value;
}

/** An image of this corp's temporary media, at most 128 bytes of id. */
function avatarOf(corp: WeComCorp, mediaId: unknown): string {
	if (typeof mediaId !== 'string' || mediaId === '' || Buffer.byteLength(mediaId) > 128) throw weComError(40058, 'media_id');
	corp.mediaOf(mediaId, 'image');
	return mediaId;
}

function avatarUrl(account: Pick<KfAccount, 'open_kfid' | 'media_id'>): string {
	return `https://wework.qpic.cn/wwpic/${account.open_kfid}/${account.media_id.slice(0, 8)}/0`;
}

function add(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const name = checkName(b.name);
	const mediaId = avatarOf(corp, b.media_id);
	if (!corp.verified && corp.accounts.size >= UNVERIFIED_ACCOUNT_LIMIT) throw weComError(95027);
	if (corp.accounts.size >= corp.maxAccounts) throw weComError(95005);
	const openKfid = newId('wk', 30);
	const account: KfAccount = { open_kfid: openKfid, name, media_id: mediaId, avatar: '', manage_privilege: true, servicers: new Map(), departments: new Set() };
	account.avatar = avatarUrl(account);
	corp.accounts.set(openKfid, account);
	return { json: ok({ open_kfid: openKfid }) };
}

function del(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const account = corp.managedAccount(body(req).open_kfid);
	corp.accounts.delete(account.open_kfid);
	return { json: ok() };
}

function update(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const account = corp.managedAccount(b.open_kfid);
	const name = b.name === undefined ? undefined : checkName(b.name);
	const mediaId = b.media_id === undefined ? undefined : avatarOf(corp, b.media_id);
	if (name !== undefined) account.name = name;
	if (mediaId !== undefined) {
		account.media_id = mediaId;
		account.avatar = avatarUrl(account);
	}
	return { json: ok() };
}

/** offset ≥ 0, limit 1–100 (default 100); accounts in creation order. */
function list(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = req.rawBody.length ? body(req) : {};
	const offset = optionalInt(b, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
	const limit = optionalInt(b, 'limit', 1, 100, 100);
	const accounts = [...corp.accounts.values()].slice(offset, offset + limit);
	return {
		json: ok({ account_list: accounts.map((a) => ({ open_kfid: a.open_kfid, name: a.name, avatar: a.avatar, manage_privilege: a.manage_privilege })) }),
	};
}

/** A contact link; `scene` (≤32 of [0-9a-zA-Z_-]) comes back in enter_session, with any scene_param appended. */
function addContactWay(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const account = corp.managedAccount(b.open_kfid);
	const scene = b.scene === undefined || b.scene === '' ? undefined : checkToken(b.scene, 'scene', 32);
	const base = `https://work.weixin.qq.com/kfid/kfc${account.open_kfid.slice(2, 18)}`;
	return { json: ok({ url: scene ? `${base}?enc_scene=ENC${Buffer.from(scene).toString('base64url')}` : base }) };
}

export const weComAccountRoutes: Route[] = [
	{ method: 'POST', path: '/cgi-bin/kf/account/add', handler: add },
	{ method: 'POST', path: '/cgi-bin/kf/account/del', handler: del },
	{ method: 'POST', path: '/cgi-bin/kf/account/update', handler: update },
	{ method: 'POST', path: '/cgi-bin/kf/account/list', handler: list },
	{ method: 'POST', path: '/cgi-bin/kf/add_contact_way', handler: addContactWay },
];
