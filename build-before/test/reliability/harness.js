"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NODE_NAME = void 0;
exports.prepareSandbox = prepareSandbox;
exports.workflowOf = workflowOf;
exports.credentialOf = credentialOf;
exports.runRow = runRow;
exports.textPattern = textPattern;
exports.secretsOf = secretsOf;
const nodes_1 = require("../helpers/nodes");
const sandbox_1 = require("../helpers/sandbox");
const workflow_1 = require("../helpers/workflow");
const table_1 = require("./table");
exports.NODE_NAME = 'WeChat';
function prepareSandbox(sb) {
    sb.state.addApp(table_1.SECRETS.appId, table_1.SECRETS.appSecret);
    sb.addRoute({
        method: 'GET',
        path: table_1.TOKEN_SERVER_PATH,
        handler: async (req, box) => {
            if (req.headers[table_1.TOKEN_SERVER_HEADER.toLowerCase()] !== table_1.SECRETS.headerValue) {
                return { json: { errcode: 40001, errmsg: 'wrong token server key' } };
            }
            const res = await fetch(`${box.url}/cgi-bin/stable_token`, {
                method: 'POST',
                body: JSON.stringify({ grant_type: 'client_credential', appid: table_1.SECRETS.appId, secret: table_1.SECRETS.appSecret }),
            });
            return { json: (await res.json()) };
        },
    });
}
function node(name, type, x, parameters, extra = {}) {
    return { id: `${name}-id`, name, type, typeVersion: 1, position: [x, 0], parameters, ...extra };
}
function workflowOf(row, e) {
    const params = typeof row.params === 'function' ? row.params(e) : (row.params ?? {});
    return {
        name: row.when,
        nodes: [
            node('Start', 'n8n-nodes-base.manualTrigger', 0, {}),
            node('Items', 'test.fixedItems', 200, {
                items: JSON.stringify(row.items ?? [{}]),
                binary: JSON.stringify(row.binary ?? []),
            }),
            node(exports.NODE_NAME, nodes_1.NODE_TYPE, 400, { resource: row.resource, operation: row.operation, ...params }, {
                credentials: { [sandbox_1.CREDENTIAL_TYPE]: { id: 'reliability', name: 'WeChat reliability' } },
            }),
        ],
        connections: {
            Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
            Items: { main: [[{ node: exports.NODE_NAME, type: 'main', index: 0 }]] },
        },
        settings: { executionOrder: 'v1' },
    };
}
function credentialOf(row, e) {
    return {
        [sandbox_1.CREDENTIAL_TYPE]: {
            tokenSource: 'stableToken',
            appId: table_1.SECRETS.appId,
            appSecret: table_1.SECRETS.appSecret,
            apiHost: 'custom',
            baseUrl: e.sb.url,
            proxyUrl: '',
            timeoutSeconds: 10,
            ...(row.credential?.(e) ?? {}),
        },
    };
}
async function runRow(row, e) {
    await row.setup?.(e);
    return await (0, workflow_1.runWorkflow)(workflowOf(row, e), credentialOf(row, e), { abortSignal: e.abort.signal });
}
function textPattern(expected) {
    const escaped = expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${escaped.replace(/‹rid›/g, 'rid: \\S+')}$`);
}
function secretsOf(sb) {
    const fixed = Object.entries(table_1.SECRETS)
        .filter(([key]) => key !== 'appId')
        .map(([, value]) => value);
    return [...fixed, ...sb.state.tokens.keys()];
}
