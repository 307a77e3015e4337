"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SANDBOX_APP_SECRET = exports.SANDBOX_PUSH = exports.SANDBOX_APP_ID = void 0;
exports.sandboxPushCredentialData = sandboxPushCredentialData;
exports.sandboxCredentialData = sandboxCredentialData;
exports.SANDBOX_APP_ID = 'wx_sandbox_app';
exports.SANDBOX_PUSH = {
    token: 'SandboxPushToken2026',
    encodingAESKey: 'SandboxPushKey0123456789abcdefghijKLMNOPQRS',
    appId: 'wx5a4b3c2d1e0f9788',
    originalId: 'gh_5a4b3c2d1e0f',
};
function sandboxPushCredentialData() {
    return { token: exports.SANDBOX_PUSH.token, encodingAESKey: exports.SANDBOX_PUSH.encodingAESKey, appId: exports.SANDBOX_PUSH.appId };
}
exports.SANDBOX_APP_SECRET = 'sandbox_secret';
function sandboxCredentialData(baseUrl, timeoutSeconds = 30) {
    return {
        tokenSource: 'stableToken',
        appId: exports.SANDBOX_APP_ID,
        appSecret: exports.SANDBOX_APP_SECRET,
        apiHost: 'custom',
        baseUrl,
        timeoutSeconds,
    };
}
