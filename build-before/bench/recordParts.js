"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stubWorkflow = exports.NODE_NAME = exports.BENCH_T0 = exports.BENCH_DAYS = void 0;
exports.repoRoot = repoRoot;
exports.startFastServer = startFastServer;
exports.benchCredential = benchCredential;
exports.recordWorkflow = recordWorkflow;
exports.bareLoop = bareLoop;
exports.itemColumns = itemColumns;
exports.stubNodeTypes = stubNodeTypes;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_readline_1 = require("node:readline");
const n8n_workflow_1 = require("n8n-workflow");
const undici_1 = require("undici");
const records_1 = require("../nodes/WeChatCustomerService/client/records");
const zonedTime_1 = require("../nodes/WeChatCustomerService/client/zonedTime");
const nodes_1 = require("../test/helpers/nodes");
const msgListServer_1 = require("./msgListServer");
Object.defineProperty(exports, "BENCH_DAYS", { enumerable: true, get: function () { return msgListServer_1.BENCH_DAYS; } });
Object.defineProperty(exports, "BENCH_T0", { enumerable: true, get: function () { return msgListServer_1.BENCH_T0; } });
function repoRoot() {
    for (let dir = __dirname; (0, node_path_1.dirname)(dir) !== dir; dir = (0, node_path_1.dirname)(dir)) {
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'scripts', 'n8n', 'runtime.js')))
            return dir;
    }
    throw new Error('scripts/n8n/runtime.js not found above this file');
}
exports.NODE_NAME = 'Chat Records';
async function startFastServer(records) {
    const child = (0, node_child_process_1.fork)((0, node_path_1.join)(__dirname, 'msgListServer.js'), [String(records)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    const line = await new Promise((resolve, reject) => {
        const rl = (0, node_readline_1.createInterface)({ input: child.stdout });
        rl.once('line', (l) => {
            rl.close();
            resolve(l);
        });
        child.once('exit', (code) => reject(new Error(`the getmsglist server exited (${code})`)));
    });
    const { url } = JSON.parse(line);
    return {
        url,
        child,
        requests: async () => Number(await (await (0, undici_1.request)(`${url}/__requests`)).body.text()),
        stop: () => child.kill('SIGTERM'),
    };
}
function benchCredential(url) {
    return {
        weChatOfficialAccountApi: {
            tokenSource: 'accessToken',
            accessToken: 'bench_access_token_0001',
            apiHost: 'custom',
            baseUrl: url,
            proxyUrl: '',
            timeoutSeconds: 60,
        },
    };
}
const trigger = {
    parameters: {},
    id: 'b0000000-0000-4000-8000-000000000001',
    name: 'Start',
    type: 'n8n-nodes-base.manualTrigger',
    typeVersion: 1,
    position: [0, 0],
};
function twoNodes(second) {
    return {
        name: 'bench',
        nodes: [trigger, second],
        connections: { Start: { main: [[{ node: second.name, type: 'main', index: 0 }]] } },
        settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
    };
}
function recordWorkflow(extra = {}, credential = { id: 'benchCred', name: 'bench' }) {
    return twoNodes({
        parameters: {
            resource: 'record',
            operation: 'getAll',
            startTime: '2024-03-01T00:00:00',
            endTime: '2024-03-03T23:59:59',
            returnAll: true,
            options: {},
            ...extra,
        },
        id: 'b0000000-0000-4000-8000-000000000002',
        name: exports.NODE_NAME,
        type: nodes_1.NODE_TYPE,
        typeVersion: 1,
        position: [220, 0],
        credentials: { weChatOfficialAccountApi: credential },
    });
}
async function bareLoop(url, dispatcher, kept) {
    let records = 0;
    let requests = 0;
    for (let d = 0; d < msgListServer_1.BENCH_DAYS; d++) {
        const starttime = msgListServer_1.BENCH_T0 + d * 86400;
        for (let msgid = 1;;) {
            const res = await (0, undici_1.request)(`${url}${msgListServer_1.MSG_LIST_PATH}?access_token=bench_access_token_0001`, {
                method: 'POST',
                headers: { 'content-type': 'application/json; charset=utf-8' },
                body: JSON.stringify({ starttime, endtime: starttime + 86399, msgid, number: 10000 }),
                dispatcher,
            });
            requests++;
            const page = JSON.parse(await res.body.text());
            records += page.recordlist.length;
            kept?.push(page.recordlist);
            if (page.recordlist.length < 10000)
                break;
            msgid = page.msgid;
        }
    }
    return [records, requests];
}
function itemColumns(records) {
    const store = (0, msgListServer_1.generateBenchRecords)(records);
    const zone = new zonedTime_1.ZonedFormatter('Asia/Shanghai');
    const timeIso = store.time.map((t) => zone.iso(t));
    const operation = store.opercode.map((c) => (0, records_1.operationName)(c));
    return { store, timeIso, operation };
}
function stubNodeTypes(columns) {
    const stub = {
        description: {
            displayName: 'Bench Items',
            name: 'benchItems',
            group: ['transform'],
            version: 1,
            description: 'benchmark stub',
            defaults: { name: 'Bench Items' },
            inputs: [n8n_workflow_1.NodeConnectionTypes.Main],
            outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
            properties: [],
        },
        async execute() {
            const { store, timeIso, operation } = columns;
            const out = new Array(store.size);
            for (let i = 0; i < store.size; i++) {
                out[i] = {
                    json: {
                        time_iso: timeIso[i],
                        operation: operation[i],
                        worker: store.worker[i],
                        openid: store.openid[i],
                        text: store.text[i],
                        opercode: store.opercode[i],
                        time: store.time[i],
                    },
                    pairedItem: { item: 0 },
                };
            }
            return [out];
        },
    };
    return (0, nodes_1.createNodeTypes)({ 'bench.items': stub });
}
exports.stubWorkflow = twoNodes({
    parameters: {},
    id: 'b0000000-0000-4000-8000-000000000003',
    name: exports.NODE_NAME,
    type: 'bench.items',
    typeVersion: 1,
    position: [220, 0],
});
