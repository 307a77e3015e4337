// kf account management (add, update, del, inviteworker) and avatar upload (uploadheadimg).
import { avatarPath, serveAvatar } from '../avatars';
import { wxError } from '../errors';
import { multipartBoundary, parseMultipart } from '../multipart';
import { INVITE_LIFETIME_SECONDS } from '../state';
import type { ReceivedRequest, Route, SandboxContext } from '../types';
import { findAgent, jsonBody, requireKf } from './common';

/** WeChat's documentation: the avatar "file size within 5M". */
export const AVATAR_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * `prefix@<this OA's WeChat ID>`: a missing or foreign suffix is an invalid account (65401); a
 * prefix over 10 characters or with other than letters, digits, underscore is illegal (65404).
 */
function checkAccountFormat(sb: SandboxContext, value: unknown): string {
	const account = typeof value === 'string' ? value : '';
	const at = account.indexOf('@');
	if (at <= 0 || account.slice(at + 1) !== sb.state.officialAccountId) {
		throw wxError(65401, 'invalid custom service account');
	}
	const prefix = account.slice(0, at);
	if (prefix.length > 10 || !/^[A-Za-z0-9_]+$/.test(prefix)) {
		throw wxError(65404, 'illegal custom service account');
	}
	return account;
}

/** Nickname: 1–16 characters, a CJK character or emoji counting as one (WeChat's documentation). */
function checkNickname(value: unknown): string {
	const nickname = typeof value === 'string' ? value : '';
	const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(nickname)].length;
	if (!nickname.trim() || graphemes > 16) throw wxError(65403, 'illegal nickname');
	return nickname;
}

const OK = { json: { errcode: 0, errmsg: 'ok' } };

function nextKfId(sb: SandboxContext): string {
	const ids = sb.state.agents.map((a) => Number(a.kf_id)).filter(Number.isFinite);
	return String(Math.max(1000, ...ids) + 1);
}

function addAccount(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const body = jsonBody(req);
	const account = checkAccountFormat(sb, body.kf_account);
	const nickname = checkNickname(body.nickname);
	if (sb.state.agents.some((a) => a.kf_account === account)) throw wxError(65406, 'custom service account exists');
	if (sb.state.agents.length >= sb.state.maxAgents) throw wxError(65405, 'account number reaches the limit');
	sb.state.agents.push({ kf_account: account, kf_nick: nickname, kf_id: nextKfId(sb), kf_headimgurl: '' });
	return OK;
}

function updateAccount(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const body = jsonBody(req);
	const agent = findAgent(sb, checkAccountFormat(sb, body.kf_account));
	agent.kf_nick = checkNickname(body.nickname);
	return OK;
}

/** Current docs' form only: POST with `{"kf_account": …}`; the legacy query form finds no account in the body. */
function deleteAccount(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const body = jsonBody(req);
	const agent = findAgent(sb, checkAccountFormat(sb, body.kf_account));
	sb.state.agents = sb.state.agents.filter((a) => a !== agent);
	sb.state.online.delete(agent.kf_account);
	for (const path of [...sb.state.avatarFiles.keys()]) {
		if (path.startsWith(`/mmhead/${agent.kf_id}/`)) sb.state.avatarFiles.delete(path);
	}
	return OK;
}

/** A WeChat ID: a letter, then 5–19 letters, digits, `-` or `_`. */
const WECHAT_ID = /^[A-Za-z][-_A-Za-z0-9]{5,19}$/;

function inviteWorker(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const body = jsonBody(req);
	const agent = findAgent(sb, checkAccountFormat(sb, body.kf_account));
	const wx = typeof body.invite_wx === 'string' ? body.invite_wx : '';
	sb.state.expireInvites();
	if (agent.kf_wx) throw wxError(65412, 'custom service account has been bound to a wechat user');
	if (agent.invite_status === 'waiting') {
		if (agent.invite_wx === wx) throw wxError(65408, 'this wechat user has been invited');
		throw wxError(65411, 'an effective invitation already exists for this account');
	}
	if (!WECHAT_ID.test(wx)) throw wxError(65409, 'invalid wechat account');
	if (sb.state.agents.some((a) => a.kf_wx === wx)) throw wxError(65407, 'this wechat user is already a worker');
	if (sb.state.agents.some((a) => a.invite_wx === wx && a.invite_status === 'waiting')) {
		throw wxError(65408, 'this wechat user has been invited');
	}
	if (sb.state.overboundWorkers.has(wx)) throw wxError(65410, 'worker bound to too many custom service accounts');
	agent.invite_wx = wx;
	agent.invite_expire_time = sb.clock.now() + INVITE_LIFETIME_SECONDS;
	agent.invite_status = 'waiting';
	return OK;
}

/** The raw `kf_account` of the query string: WeChat rejects an escaped `@`. */
function rawQueryAccount(req: ReceivedRequest): string | undefined {
	for (const pair of req.rawQuery.split('&')) {
		const eq = pair.indexOf('=');
		if (eq !== -1 && pair.slice(0, eq) === 'kf_account') return pair.slice(eq + 1);
	}
	return undefined;
}

/**
 * Multipart upload, file part `media`. Missing media → 41005; over 5 MB → 40006 (WeChat's
 * generic "invalid media size"; WeChat documents no avatar-specific code); not a JPEG by its
 * magic bytes → 61457 ("invalid head-image file type").
 */
function uploadHeadImage(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const raw = rawQueryAccount(req);
	if (raw === undefined || /%40/i.test(raw)) throw wxError(65401, 'invalid custom service account');
	let account: string;
	try {
		account = decodeURIComponent(raw);
	} catch {
		throw wxError(65401, 'invalid custom service account');
	}
	const agent = findAgent(sb, checkAccountFormat(sb, account));
	const boundary = multipartBoundary(String(req.headers['content-type'] ?? ''));
	const parts = boundary ? parseMultipart(req.rawBody, boundary) : undefined;
	const media = parts?.find((p) => p.name === 'media' && p.filename !== undefined);
	if (!media || media.data.length === 0) throw wxError(41005, 'media data missing');
	if (media.data.length > AVATAR_LIMIT_BYTES) throw wxError(40006, 'invalid meida size');
	if (!(media.data[0] === 0xff && media.data[1] === 0xd8 && media.data[2] === 0xff)) {
		throw wxError(61457, 'invalid file type');
	}
	const path = avatarPath(agent.kf_id);
	serveAvatar(sb, path, Buffer.from(media.data));
	agent.kf_headimgurl = `${sb.url}${path}`;
	return OK;
}

export const accountRoutes: Route[] = [
	{ method: 'POST', path: '/customservice/kfaccount/add', handler: addAccount },
	{ method: 'POST', path: '/customservice/kfaccount/update', handler: updateAccount },
	{ method: 'POST', path: '/customservice/kfaccount/del', handler: deleteAccount },
	{ method: 'POST', path: '/customservice/kfaccount/inviteworker', handler: inviteWorker },
	{ method: 'POST', path: '/customservice/kfaccount/uploadheadimg', handler: uploadHeadImage },
];
