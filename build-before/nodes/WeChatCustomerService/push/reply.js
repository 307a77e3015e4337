"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUCCESS = void 0;
exports.transferReplyXml = transferReplyXml;
exports.encryptedReplyXml = encryptedReplyXml;
const node_crypto_1 = require("node:crypto");
const crypto_1 = require("./crypto");
const signature_1 = require("./signature");
const xml_1 = require("./xml");
exports.SUCCESS = 'success';
function transferReplyXml(m, createTime, kfAccount) {
    return (0, xml_1.buildWeChatXml)({
        ToUserName: m.FromUserName,
        FromUserName: m.ToUserName,
        CreateTime: createTime,
        MsgType: 'transfer_customer_service',
        ...(kfAccount ? { TransInfo: { KfAccount: kfAccount } } : {}),
    });
}
function encryptedReplyXml(xml, c, timeStamp, nonce = String((0, node_crypto_1.randomInt)(100000000, 999999999)), random = (0, node_crypto_1.randomBytes)(16)) {
    const encrypt = (0, crypto_1.encryptMessage)(c.aesKey, xml, c.appId, random);
    return (0, xml_1.buildWeChatXml)({
        Encrypt: encrypt,
        MsgSignature: (0, signature_1.pushSignature)(c.token, String(timeStamp), nonce, encrypt),
        TimeStamp: timeStamp,
        Nonce: nonce,
    });
}
