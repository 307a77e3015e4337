"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SAFE = exports.OFFICIAL = void 0;
exports.safeBody = safeBody;
exports.OFFICIAL = {
    token: 'AAAAA',
    get: { timestamp: '1714036504', nonce: '1514711492', echostr: '4375120948345356249', signature: 'f464b24fc39322e44b38aa78f5edd27bd1441696' },
    post: { timestamp: '1714037059', nonce: '486452656', signature: '899cf89e464efb63f54ddac96b0a0a235f53aa78' },
};
exports.SAFE = {
    token: 'n8nKfPushToken2026',
    encodingAESKey: 'Kf8n8nPushVector0123456789abcdefghijKLMNOPq',
    appId: 'wx8d1f2e3c4b5a6978',
    timestamp: '1767225600',
    nonce: '1320562132',
    openid: 'oN8nKfUserA1b2C3d4E5f6G7h8i9',
    random: 'a1b2c3d4e5f6g7h8',
    xml: '<xml><ToUserName><![CDATA[gh_3f9c2a7e5b1d]]></ToUserName><FromUserName><![CDATA[oN8nKfUserA1b2C3d4E5f6G7h8i9]]></FromUserName><CreateTime>1767225600</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好，我要转人工客服]]></Content><MsgId>7460012345678901234</MsgId></xml>',
    aesKeyHex: '29ff27f273eeb2155e72da2bd35db7e39ebbf3d69b71d79f8218a328b30d38fa',
    ivHex: '29ff27f273eeb2155e72da2bd35db7e3',
    messageBytes: 297,
    ciphertextBytes: 352,
    encrypt: 'S8J1xgUzGCvdxsnhkHyZP2AHoEHElWXSAbWaHrDajirrdzhrWexPev3wpIh44Sc/FUPfN18fzN7lyExJzPWVbr4hHcYokwPM9Pqxdqhhcht3xRed0ERuMgQ6yQVS5lNOEZr2SPtE+0VpxH5NMFoNR2lBOTD3p6wk/VSGBeB4HcbbSkLIkUq23nglSBMheexFIC6d+EbhQ7qi6Jc9kyu/NSaEUXJLIpR/TNlmUL+Yw5hw3Yv9ADDLkdAvBEsBDOpDmv1f52aKTh+5YSUssVv40Y4j6mJhM62/qyTXtEWsJAYiwomyMohlBtOEdKXvwlCU4kKh/bSwKh+QLDpsGbUuHsy8u/AGjCLCw+olWUAcFic2KEM+CQ9/KHEIbJmfTfvP7u078WEGVEsR4xWuFkYW9Eb0dBgJoSGHdW1JMuUXalqYd4ImOJ5C9A5n/Gknk+3fm5x3yrVe+gU9pc9eTlcDBg==',
    signature: '262bc8edb28f76bea1feea600e66ed37cc3cfe52',
    msgSignature: '318e146c5c31ec6fa3c3021efc3e511b0703b166',
    query: 'signature=262bc8edb28f76bea1feea600e66ed37cc3cfe52&timestamp=1767225600&nonce=1320562132&openid=oN8nKfUserA1b2C3d4E5f6G7h8i9&encrypt_type=aes&msg_signature=318e146c5c31ec6fa3c3021efc3e511b0703b166',
    reply: {
        xml: '<xml><ToUserName><![CDATA[oN8nKfUserA1b2C3d4E5f6G7h8i9]]></ToUserName><FromUserName><![CDATA[gh_3f9c2a7e5b1d]]></FromUserName><CreateTime>1767225601</CreateTime><MsgType><![CDATA[transfer_customer_service]]></MsgType><TransInfo><KfAccount><![CDATA[kf2001@testoa]]></KfAccount></TransInfo></xml>',
        xmlBytes: 294,
        random: 'h8g7f6e5d4c3b2a1',
        timeStamp: 1767225601,
        nonce: '987654321',
        encrypt: 'QN/QfqaLfdNlyGzeoj7P9dDTM3BX1gUxN3aDYlMbP3SlzNJnDCCjnHPAW7h6Z2I8X0xTnm0HWyREyLI53AFDUqTl5LsFN++fRO3khN7vUyzvr18jnGEdbVZkz7bWVhjYRHBOgg863qSOrD8hmKcd/mJ4uUhqxtY2Imk5Xr/Ug/RvRSaX2Ai+9SxtxY2S89VguJwJOyXgWHwi24KUghccOU1sxJCeIwnWuCrGH2q3fxIAw8qlVwKwegZ6mJfFUqiSqqPE7jaWGIqpIgmzy8sKeceplkkDraKYg/XWgl3fZQ/MFdLo9L8aP4yiNsKu2zAVOP5DhgCuAe3W7ax50dmmdJFBqUqjfp49W4/CskwuDxNKIFumiuP6GrbcvRpXPpTeOqdoSzm9E/EUJZXToeKWVHsSRg1DrgM8Dpo0iLhEcqwyGXwEhR5d6ZQhdphAWaYNpIPATu4QgYVORsREyEqgxA==',
        msgSignature: '914935744401e23ea3d4799e63f2e99774e522c8',
    },
};
function safeBody(encrypt = exports.SAFE.encrypt) {
    return `<xml><ToUserName><![CDATA[gh_3f9c2a7e5b1d]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
}
