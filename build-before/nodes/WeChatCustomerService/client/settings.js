"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createKfClient = createKfClient;
const credentials_1 = require("./credentials");
const KfClient_1 = require("./KfClient");
const tokens_1 = require("./tokens");
function createKfClient(data, options = {}) {
    const settings = (0, credentials_1.credentialSettingsOf)(data);
    return new KfClient_1.KfClient({
        apiBaseUrl: settings.apiBaseUrl,
        tokenServer: tokens_1.tokenServers.get(settings),
        http: { ...settings.http, signal: options.signal, secrets: (0, credentials_1.secretsOf)(settings) },
        retry: options.retry,
    });
}
