"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.weChatOfficialAccountApiTest = weChatOfficialAccountApiTest;
const credentials_1 = require("../client/credentials");
const errors_1 = require("../client/errors");
const KfClient_1 = require("../client/KfClient");
const tokens_1 = require("../client/tokens");
function describe(error, secrets) {
    if (error instanceof errors_1.WeChatApiError) {
        return (0, errors_1.redact)((0, errors_1.refusalMessage)(error, 'credential'), secrets);
    }
    if (error instanceof errors_1.WeChatTransportError && error.hint)
        return (0, errors_1.redact)(`${error.message}. ${error.hint}`, secrets);
    return (0, errors_1.redact)(error instanceof Error ? error.message : String(error), secrets);
}
async function weChatOfficialAccountApiTest(credential) {
    const data = (credential.data ?? {});
    let secrets = [];
    try {
        const settings = (0, credentials_1.credentialSettingsOf)(data);
        secrets = (0, credentials_1.secretsOf)(settings);
        if (settings.tokenSource === 'stableToken' || settings.tokenSource === 'classicToken') {
            await (0, tokens_1.stableTokenFetcher)(settings)();
            return {
                status: 'OK',
                message: 'WeChat accepted the AppID and AppSecret (checked without invalidating any token)',
            };
        }
        const token = settings.tokenSource === 'tokenServer'
            ? (await (0, tokens_1.tokenServerFetcher)(settings)()).token
            : (settings.accessToken ?? '');
        secrets.push(token);
        const client = new KfClient_1.KfClient({
            apiBaseUrl: settings.apiBaseUrl,
            tokenServer: new tokens_1.FixedTokenServer(token),
            http: { ...settings.http, secrets },
            retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 },
        });
        const failure = await client.listAgents().then(() => undefined, (error) => error);
        if (failure === undefined)
            return { status: 'OK', message: 'WeChat accepted the access token' };
        if (failure instanceof errors_1.WeChatApiError && failure.errcode === 65400) {
            return { status: 'OK', message: `The access token works, but: ${describe(failure, secrets)}` };
        }
        return { status: 'Error', message: describe(failure, secrets) };
    }
    catch (error) {
        return { status: 'Error', message: describe(error, secrets) };
    }
}
