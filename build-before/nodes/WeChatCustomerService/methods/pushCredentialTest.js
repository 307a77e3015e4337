"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.weChatOfficialAccountPushApiTest = weChatOfficialAccountPushApiTest;
const settings_1 = require("../push/settings");
async function weChatOfficialAccountPushApiTest(credential) {
    const data = (credential.data ?? {});
    const problems = (0, settings_1.pushCredentialProblems)(data);
    if (problems.length)
        return { status: 'Error', message: problems.join('. ') };
    return {
        status: 'OK',
        message: data.encodingAESKey
            ? 'Token, EncodingAESKey and AppID look right (checked here, nothing was sent)'
            : 'The Token looks right; plain mode only (checked here, nothing was sent)',
    };
}
