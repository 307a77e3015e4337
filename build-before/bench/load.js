"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("./setup-env");
const node_child_process_1 = require("node:child_process");
const node_events_1 = require("node:events");
const http_1 = require("../nodes/WeChatCustomerService/transport/http");
const sandbox_1 = require("../sandbox");
const routes_1 = require("../sandbox/routes");
const nodes_1 = require("../test/helpers/nodes");
const sandbox_2 = require("../test/helpers/sandbox");
const workflow_1 = require("../test/helpers/workflow");
const CONCURRENCY = 20;
const STABLE_TOKEN = '/cgi-bin/stable_token';
const ONLINE = '/cgi-bin/customservice/getonlinekflist';
async function sandboxChild() {
    const sb = await (0, sandbox_1.startSandbox)({ seed: 'demo', logRequests: false });
    const counts = { tokens: 0, online: 0 };
    for (const [path, key] of [[STABLE_TOKEN, 'tokens'], [ONLINE, 'online']]) {
        const route = routes_1.ALL_ROUTES.find((r) => r.path === path);
        sb.addRoute({ ...route, handler: (req, box) => (counts[key]++, route.handler(req, box)) });
    }
    process.on('message', (msg) => {
        if (msg === 'count')
            process.send?.({ ...counts });
        if (msg === 'stop')
            void sb.stop().then(() => process.exit(0));
    });
    process.send?.({ url: sb.url });
}
class RemoteSandbox {
    child;
    url;
    constructor(child, url) {
        this.child = child;
        this.url = url;
    }
    static async start() {
        const child = (0, node_child_process_1.fork)(__filename, ['--sandbox-child'], { stdio: 'inherit' });
        const [msg] = (await (0, node_events_1.once)(child, 'message'));
        return new RemoteSandbox(child, msg.url);
    }
    async counts() {
        this.child.send('count');
        const [msg] = (await (0, node_events_1.once)(this.child, 'message'));
        return msg;
    }
    async stop() {
        this.child.send('stop');
        await (0, node_events_1.once)(this.child, 'exit');
    }
}
function workflow(items) {
    const node = (name, type, x, parameters, extra = {}) => ({
        id: name,
        name,
        type,
        typeVersion: 1,
        position: [x, 0],
        parameters,
        ...extra,
    });
    return {
        nodes: [
            node('Start', 'n8n-nodes-base.manualTrigger', 0, {}),
            node('Items', 'test.fixedItems', 200, { items: JSON.stringify(Array.from({ length: items }, (_, n) => ({ n }))) }),
            node('Online', nodes_1.NODE_TYPE, 400, { resource: 'agent', operation: 'getOnline', options: { concurrency: CONCURRENCY } }, {
                credentials: { weChatOfficialAccountApi: { id: 'bench', name: 'bench' } },
            }),
        ],
        connections: {
            Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
            Items: { main: [[{ node: 'Online', type: 'main', index: 0 }]] },
        },
        settings: { executionOrder: 'v1' },
    };
}
async function execute(sb, items) {
    const started = process.hrtime.bigint();
    const result = await (0, workflow_1.runWorkflow)(workflow(items), (0, sandbox_2.sandboxCredential)({ url: sb.url }));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.error)
        throw result.error;
    const out = result.output('Online');
    const paired = out.every((o, n) => o.pairedItem.item === Math.floor(n / 3) && o.json.status_name);
    if (out.length !== items * 3 || !paired)
        throw new Error(`expected ${items * 3} agent items paired with their inputs, got ${out.length}`);
    return ms;
}
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
function heapAfterGc() {
    global.gc?.();
    global.gc?.();
    return process.memoryUsage().heapUsed;
}
async function main() {
    const items = Number(process.argv[2] ?? 10000);
    const runs = Number(process.argv[3] ?? 20);
    const itemsPerRun = Number(process.argv[4] ?? 2000);
    if (!global.gc)
        console.log('(run with node --expose-gc for heap figures after a full collection)');
    const sb = await RemoteSandbox.start();
    try {
        const ms = await execute(sb, items);
        const first = await sb.counts();
        console.log(`Agent → Get Online, ${items} items at concurrency ${CONCURRENCY}: ${(ms / 1000).toFixed(2)} s, ${Math.round(items / (ms / 1000))} items/s`);
        console.log(`  all ${items} succeeded; getonlinekflist requests: ${first.online}; token requests: ${first.tokens}`);
        if (first.tokens !== 1 || first.online !== items)
            process.exitCode = 1;
        const baseline = heapAfterGc();
        console.log(`${runs} executions of ${itemsPerRun} items in a row; heap used after gc (baseline ${mb(baseline)} MB):`);
        const heaps = [];
        for (let run = 1; run <= runs; run++) {
            const runMs = await execute(sb, itemsPerRun);
            heaps.push(heapAfterGc());
            console.log(`  run ${String(run).padStart(2)}: ${(runMs / 1000).toFixed(2)} s, heap ${mb(heaps[heaps.length - 1])} MB`);
        }
        const firstHalf = heaps.slice(0, runs / 2);
        const secondHalf = heaps.slice(runs / 2);
        const avg = (list) => list.reduce((a, b) => a + b, 0) / list.length;
        console.log(`heap: runs 1–${runs / 2} average ${mb(avg(firstHalf))} MB, runs ${runs / 2 + 1}–${runs} average ${mb(avg(secondHalf))} MB, growth ${mb(avg(secondHalf) - avg(firstHalf))} MB`);
        const last = await sb.counts();
        console.log(`token requests over all ${runs + 1} executions: ${last.tokens}`);
    }
    finally {
        await sb.stop();
        await (0, http_1.closeHttpPools)();
    }
}
const run = process.argv.includes('--sandbox-child') ? sandboxChild() : main();
run.catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
