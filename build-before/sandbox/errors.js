"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WxError = void 0;
exports.rid = rid;
exports.wxError = wxError;
class WxError extends Error {
    errcode;
    errmsg;
    constructor(errcode, errmsg) {
        super(`${errcode} ${errmsg}`);
        this.errcode = errcode;
        this.errmsg = errmsg;
    }
}
exports.WxError = WxError;
let ridCounter = 0;
function rid() {
    ridCounter += 1;
    return `rid: 6745${(0x10000 + ridCounter).toString(16)}-${Date.now().toString(16).slice(-8)}`;
}
function wxError(errcode, errmsg) {
    return new WxError(errcode, `${errmsg} ${rid()}`);
}
