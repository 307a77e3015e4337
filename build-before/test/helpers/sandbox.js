"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CREDENTIAL_TYPE = void 0;
exports.sandboxCredential = sandboxCredential;
exports.useSandbox = useSandbox;
const WeChatClient_1 = require("../../nodes/WeChatCustomerService/client/WeChatClient");
const tokens_1 = require("../../nodes/WeChatCustomerService/client/tokens");
const http_1 = require("../../nodes/WeChatCustomerService/transport/http");
const sandbox_1 = require("../../sandbox");
exports.CREDENTIAL_TYPE = 'weChatOfficialAccountApi';
function sandboxCredential(sb, overrides = {}) {
    return {
        [exports.CREDENTIAL_TYPE]: { ...(0, sandbox_1.sandboxCredentialData)(sb.url, 10), proxyUrl: '', ...overrides },
    };
}
function useSandbox(seed = 'demo') {
    const ctx = { sb: undefined };
    beforeEach(async () => {
        ctx.sb = await (0, sandbox_1.startSandbox)({ seed });
        tokens_1.tokenServers.clear();
        tokens_1.tokenServers.now = () => ctx.sb.clock.nowMs();
        (0, WeChatClient_1.useDefaultRetry)({ maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 });
    });
    afterEach(async () => {
        await ctx.sb.stop();
        tokens_1.tokenServers.now = Date.now;
        (0, WeChatClient_1.useDefaultRetry)();
    });
    afterAll(async () => {
        await (0, http_1.closeHttpPools)();
    });
    return ctx;
}
