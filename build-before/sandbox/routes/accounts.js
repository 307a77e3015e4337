"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.accountRoutes = exports.AVATAR_LIMIT_BYTES = void 0;
const avatars_1 = require("../avatars");
const errors_1 = require("../errors");
const multipart_1 = require("../multipart");
const state_1 = require("../state");
const common_1 = require("./common");
exports.AVATAR_LIMIT_BYTES = 5 * 1024 * 1024;
function checkAccountFormat(sb, value) {
    const account = typeof value === 'string' ? value : '';
    const at = account.indexOf('@');
    if (at <= 0 || account.slice(at + 1) !== sb.state.officialAccountId) {
        throw (0, errors_1.wxError)(65401, 'invalid custom service account');
    }
    const prefix = account.slice(0, at);
    if (prefix.length > 10 || !/^[A-Za-z0-9_]+$/.test(prefix)) {
        throw (0, errors_1.wxError)(65404, 'illegal custom service account');
    }
    return account;
}
function checkNickname(value) {
    const nickname = typeof value === 'string' ? value : '';
    const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(nickname)].length;
    if (!nickname.trim() || graphemes > 16)
        throw (0, errors_1.wxError)(65403, 'illegal nickname');
    return nickname;
}
const OK = { json: { errcode: 0, errmsg: 'ok' } };
function nextKfId(sb) {
    const ids = sb.state.agents.map((a) => Number(a.kf_id)).filter(Number.isFinite);
    return String(Math.max(1000, ...ids) + 1);
}
function addAccount(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const body = (0, common_1.jsonBody)(req);
    const account = checkAccountFormat(sb, body.kf_account);
    const nickname = checkNickname(body.nickname);
    if (sb.state.agents.some((a) => a.kf_account === account))
        throw (0, errors_1.wxError)(65406, 'custom service account exists');
    if (sb.state.agents.length >= sb.state.maxAgents)
        throw (0, errors_1.wxError)(65405, 'account number reaches the limit');
    sb.state.agents.push({ kf_account: account, kf_nick: nickname, kf_id: nextKfId(sb), kf_headimgurl: '' });
    return OK;
}
function updateAccount(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const body = (0, common_1.jsonBody)(req);
    const agent = (0, common_1.findAgent)(sb, checkAccountFormat(sb, body.kf_account));
    agent.kf_nick = checkNickname(body.nickname);
    return OK;
}
function deleteAccount(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const body = (0, common_1.jsonBody)(req);
    const agent = (0, common_1.findAgent)(sb, checkAccountFormat(sb, body.kf_account));
    sb.state.agents = sb.state.agents.filter((a) => a !== agent);
    sb.state.online.delete(agent.kf_account);
    for (const path of [...sb.state.avatarFiles.keys()]) {
        if (path.startsWith(`/mmhead/${agent.kf_id}/`))
            sb.state.avatarFiles.delete(path);
    }
    return OK;
}
const WECHAT_ID = /^[A-Za-z][-_A-Za-z0-9]{5,19}$/;
function inviteWorker(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const body = (0, common_1.jsonBody)(req);
    const agent = (0, common_1.findAgent)(sb, checkAccountFormat(sb, body.kf_account));
    const wx = typeof body.invite_wx === 'string' ? body.invite_wx : '';
    sb.state.expireInvites();
    if (agent.kf_wx)
        throw (0, errors_1.wxError)(65412, 'custom service account has been bound to a wechat user');
    if (agent.invite_status === 'waiting') {
        if (agent.invite_wx === wx)
            throw (0, errors_1.wxError)(65408, 'this wechat user has been invited');
        throw (0, errors_1.wxError)(65411, 'an effective invitation already exists for this account');
    }
    if (!WECHAT_ID.test(wx))
        throw (0, errors_1.wxError)(65409, 'invalid wechat account');
    if (sb.state.agents.some((a) => a.kf_wx === wx))
        throw (0, errors_1.wxError)(65407, 'this wechat user is already a worker');
    if (sb.state.agents.some((a) => a.invite_wx === wx && a.invite_status === 'waiting')) {
        throw (0, errors_1.wxError)(65408, 'this wechat user has been invited');
    }
    if (sb.state.overboundWorkers.has(wx))
        throw (0, errors_1.wxError)(65410, 'worker bound to too many custom service accounts');
    agent.invite_wx = wx;
    agent.invite_expire_time = sb.clock.now() + state_1.INVITE_LIFETIME_SECONDS;
    agent.invite_status = 'waiting';
    return OK;
}
function rawQueryAccount(req) {
    for (const pair of req.rawQuery.split('&')) {
        const eq = pair.indexOf('=');
        if (eq !== -1 && pair.slice(0, eq) === 'kf_account')
            return pair.slice(eq + 1);
    }
    return undefined;
}
function uploadHeadImage(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const raw = rawQueryAccount(req);
    if (raw === undefined || /%40/i.test(raw))
        throw (0, errors_1.wxError)(65401, 'invalid custom service account');
    let account;
    try {
        account = decodeURIComponent(raw);
    }
    catch {
        throw (0, errors_1.wxError)(65401, 'invalid custom service account');
    }
    const agent = (0, common_1.findAgent)(sb, checkAccountFormat(sb, account));
    const boundary = (0, multipart_1.multipartBoundary)(String(req.headers['content-type'] ?? ''));
    const parts = boundary ? (0, multipart_1.parseMultipart)(req.rawBody, boundary) : undefined;
    const media = parts?.find((p) => p.name === 'media' && p.filename !== undefined);
    if (!media || media.data.length === 0)
        throw (0, errors_1.wxError)(41005, 'media data missing');
    if (media.data.length > exports.AVATAR_LIMIT_BYTES)
        throw (0, errors_1.wxError)(40006, 'invalid meida size');
    if (!(media.data[0] === 0xff && media.data[1] === 0xd8 && media.data[2] === 0xff)) {
        throw (0, errors_1.wxError)(61457, 'invalid file type');
    }
    const path = (0, avatars_1.avatarPath)(agent.kf_id);
    (0, avatars_1.serveAvatar)(sb, path, Buffer.from(media.data));
    agent.kf_headimgurl = `${sb.url}${path}`;
    return OK;
}
exports.accountRoutes = [
    { method: 'POST', path: '/customservice/kfaccount/add', handler: addAccount },
    { method: 'POST', path: '/customservice/kfaccount/update', handler: updateAccount },
    { method: 'POST', path: '/customservice/kfaccount/del', handler: deleteAccount },
    { method: 'POST', path: '/customservice/kfaccount/inviteworker', handler: inviteWorker },
    { method: 'POST', path: '/customservice/kfaccount/uploadheadimg', handler: uploadHeadImage },
];
