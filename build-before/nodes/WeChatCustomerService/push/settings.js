"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pushCredentialProblems = pushCredentialProblems;
exports.pushSettingsOf = pushSettingsOf;
const credentials_1 = require("../client/credentials");
const tokens_1 = require("../client/tokens");
const crypto_1 = require("./crypto");
const APP_ID_PATTERN = /^wx[0-9a-f]{16}$/i;
const TOKEN_PATTERN = /^[A-Za-z0-9]{3,32}$/;
function pushCredentialProblems(data) {
    const problems = [];
    const token = data.token ?? '';
    const key = (data.encodingAESKey ?? '').trim();
    const appId = (data.appId ?? '').trim();
    if (!token)
        problems.push('The Token is empty');
    else if (!TOKEN_PATTERN.test(token)) {
        problems.push('The Token must be 3 to 32 letters and digits, as in the Official Account console');
    }
    if (key) {
        if (key.length !== 43)
            problems.push(`The EncodingAESKey must be 43 characters long, not ${key.length}`);
        else if (!(0, crypto_1.isEncodingAESKey)(key))
            problems.push('The EncodingAESKey may hold only letters a–z, A–Z and digits');
        if (!appId)
            problems.push('The AppID is required when an EncodingAESKey is set');
    }
    if (appId && !APP_ID_PATTERN.test(appId)) {
        problems.push('The AppID does not look like one: "wx" followed by 16 hexadecimal characters');
    }
    return problems;
}
function pushSettingsOf(data) {
    const token = data.token ?? '';
    const key = (data.encodingAESKey ?? '').trim();
    const appId = (data.appId ?? '').trim();
    if (!token)
        throw new credentials_1.CredentialSettingsError("The push credential's Token is empty");
    if (key && !(0, crypto_1.isEncodingAESKey)(key)) {
        throw new credentials_1.CredentialSettingsError("The push credential's EncodingAESKey must be 43 letters and digits");
    }
    if (key && !appId)
        throw new credentials_1.CredentialSettingsError("The push credential's AppID is required with an EncodingAESKey");
    const aesKey = key ? (0, crypto_1.aesKeyOf)(key) : undefined;
    return {
        token,
        aesKey,
        appId: appId || undefined,
        fingerprint: (0, tokens_1.fingerprint)('push', token, key, appId),
        secrets: [token, key, ...(aesKey ? [aesKey.toString('hex'), aesKey.toString('base64')] : [])].filter(Boolean),
    };
}
