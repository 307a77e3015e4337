"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sessionChanged = sessionChanged;
exports.withCreatetimeIso = withCreatetimeIso;
function sessionChanged(kfAccount, openid) {
    return { success: true, kf_account: kfAccount, openid };
}
function withCreatetimeIso(item, zone) {
    return { ...item, createtime_iso: item.createtime ? zone.iso(item.createtime) : '' };
}
