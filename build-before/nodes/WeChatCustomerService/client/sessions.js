"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sessionChangeBody = sessionChangeBody;
exports.customerSessionItem = customerSessionItem;
exports.agentSessionItems = agentSessionItems;
exports.waitCaseItems = waitCaseItems;
function sessionChangeBody(change) {
    const body = { kf_account: change.kf_account, openid: change.openid };
    if (change.text)
        body.text = change.text;
    return body;
}
function customerSessionItem(openid, session) {
    return { openid, kf_account: session.kf_account ?? '', createtime: session.createtime ?? 0 };
}
function agentSessionItems(kfAccount, list) {
    return list.map((s) => ({ kf_account: kfAccount, openid: s.openid, createtime: s.createtime }));
}
function waitCaseItems(res) {
    const list = res.waitcaselist ?? [];
    const count = typeof res.count === 'number' ? res.count : list.length;
    return list.map((w) => ({ openid: w.openid, latest_time: w.latest_time, count }));
}
