"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.wxError = exports.WxError = exports.sandboxPushCredentialData = exports.sandboxCredentialData = exports.SANDBOX_PUSH = exports.SANDBOX_APP_SECRET = exports.SANDBOX_APP_ID = exports.KfSandbox = void 0;
exports.startSandbox = startSandbox;
const demo_1 = require("./demo");
const server_1 = require("./server");
var server_2 = require("./server");
Object.defineProperty(exports, "KfSandbox", { enumerable: true, get: function () { return server_2.KfSandbox; } });
var demoCredential_1 = require("./demoCredential");
Object.defineProperty(exports, "SANDBOX_APP_ID", { enumerable: true, get: function () { return demoCredential_1.SANDBOX_APP_ID; } });
Object.defineProperty(exports, "SANDBOX_APP_SECRET", { enumerable: true, get: function () { return demoCredential_1.SANDBOX_APP_SECRET; } });
Object.defineProperty(exports, "SANDBOX_PUSH", { enumerable: true, get: function () { return demoCredential_1.SANDBOX_PUSH; } });
Object.defineProperty(exports, "sandboxCredentialData", { enumerable: true, get: function () { return demoCredential_1.sandboxCredentialData; } });
Object.defineProperty(exports, "sandboxPushCredentialData", { enumerable: true, get: function () { return demoCredential_1.sandboxPushCredentialData; } });
var errors_1 = require("./errors");
Object.defineProperty(exports, "WxError", { enumerable: true, get: function () { return errors_1.WxError; } });
Object.defineProperty(exports, "wxError", { enumerable: true, get: function () { return errors_1.wxError; } });
async function startSandbox(options = {}) {
    const sb = await new server_1.KfSandbox(options).start();
    if (options.seed === 'demo')
        (0, demo_1.seedDemo)(sb);
    return sb;
}
