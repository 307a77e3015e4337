"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sessionRoutes = void 0;
const conversations_1 = require("../conversations");
const errors_1 = require("../errors");
const common_1 = require("./common");
function countAccepted(sb, kfAccount, delta) {
    const online = sb.state.online.get(kfAccount);
    if (online)
        online.accepted_case = Math.max(0, online.accepted_case + delta);
}
function createSession(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const body = (0, common_1.jsonBody)(req);
    const agent = (0, common_1.knownAgent)(sb, body.kf_account);
    const customer = (0, common_1.knownCustomer)(sb, body.openid);
    if (body.text !== undefined && typeof body.text !== 'string')
        throw (0, errors_1.wxError)(47001, 'data format error');
    if (!agent.kf_wx)
        throw (0, errors_1.wxError)(65402, 'account shoule be bound wechat user before use');
    if (!sb.state.online.has(agent.kf_account))
        throw (0, errors_1.wxError)(65415, 'worker is not online');
    const current = sb.state.conversations.sessions.get(customer.openid);
    if (current && current.kf_account !== agent.kf_account)
        throw (0, errors_1.wxError)(65414, 'client is being served by other worker');
    if (!current) {
        sb.state.conversations.open(customer.openid, agent.kf_account, sb.clock.now());
        countAccepted(sb, agent.kf_account, 1);
    }
    return { json: { errcode: 0, errmsg: 'ok' } };
}
function closeSession(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const body = (0, common_1.jsonBody)(req);
    const agent = (0, common_1.knownAgent)(sb, body.kf_account);
    const customer = (0, common_1.knownCustomer)(sb, body.openid);
    const current = sb.state.conversations.sessions.get(customer.openid);
    if (!current || current.kf_account !== agent.kf_account)
        throw (0, errors_1.wxError)(65413, 'no effective session for the client');
    sb.state.conversations.close(customer.openid);
    countAccepted(sb, agent.kf_account, -1);
    return { json: { errcode: 0, errmsg: 'ok' } };
}
function getSession(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const customer = (0, common_1.knownCustomer)(sb, req.query.openid);
    const session = sb.state.conversations.sessions.get(customer.openid);
    return { json: { createtime: session?.createtime ?? 0, kf_account: session?.kf_account ?? '' } };
}
function getSessionList(req, sb) {
    (0, common_1.requireKf)(req, sb);
    if (/(^|&)kf_account=[^&]*%40/i.test(req.rawQuery))
        throw (0, errors_1.wxError)(65401, 'invalid custom service account');
    const agent = (0, common_1.knownAgent)(sb, req.query.kf_account);
    const sessionlist = sb.state.conversations
        .sessionsOf(agent.kf_account)
        .map((s) => ({ createtime: s.createtime, openid: s.openid }));
    return { json: { sessionlist } };
}
function getWaitCase(req, sb) {
    (0, common_1.requireKf)(req, sb);
    const waiting = sb.state.conversations.waiting;
    const waitcaselist = waiting.slice(0, conversations_1.WAITCASE_LIST_MAX).map((w) => ({ latest_time: w.latest_time, openid: w.openid }));
    return { json: { count: waiting.length, waitcaselist } };
}
exports.sessionRoutes = [
    { method: 'POST', path: '/customservice/kfsession/create', handler: createSession },
    { method: 'POST', path: '/customservice/kfsession/close', handler: closeSession },
    { method: 'GET', path: '/customservice/kfsession/getsession', handler: getSession },
    { method: 'GET', path: '/customservice/kfsession/getsessionlist', handler: getSessionList },
    { method: 'GET', path: '/customservice/kfsession/getwaitcase', handler: getWaitCase },
];
