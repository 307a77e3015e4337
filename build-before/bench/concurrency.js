"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("./setup-env");
const node_child_process_1 = require("node:child_process");
const node_events_1 = require("node:events");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const http_1 = require("../nodes/WeChatCustomerService/transport/http");
const sandbox_1 = require("../sandbox");
const patch_1 = require("../test/helpers/patch");
const sandbox_2 = require("../test/helpers/sandbox");
const workflow_1 = require("../test/helpers/workflow");
const SEND = '/cgi-bin/message/custom/send';
const REQUIRED_SPEEDUP = 8;
function workflowFor(items, concurrency) {
    const file = (0, node_path_1.join)(__dirname, '..', '..', 'test', 'fixtures', 'message-send-bulk.workflow.json');
    const wf = JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8'));
    return (0, patch_1.withParams)((0, patch_1.withParams)(wf, 'Customers', { items: JSON.stringify(items) }), 'Send to Each', {
        options: { concurrency },
    });
}
function openids(customers) {
    return Array.from({ length: customers }, (_, n) => `oBench_${String(n).padStart(5, '0')}`);
}
async function sandboxChild(customers, delayMs) {
    const sb = await (0, sandbox_1.startSandbox)({ seed: 'demo', logRequests: false });
    const now = sb.clock.now();
    for (const openid of openids(customers))
        sb.state.conversations.customerWrites(openid, now - 60, openid, { waits: false });
    sb.setFault(SEND, { delayMs });
    process.on('message', (msg) => {
        if (msg === 'count')
            process.send?.({ count: sb.requestCount });
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
    static async start(customers, delayMs) {
        const child = (0, node_child_process_1.fork)(__filename, ['--sandbox-child', String(customers), String(delayMs)], { stdio: 'inherit' });
        const [msg] = (await (0, node_events_1.once)(child, 'message'));
        return new RemoteSandbox(child, msg.url);
    }
    async requestCount() {
        this.child.send('count');
        const [msg] = (await (0, node_events_1.once)(this.child, 'message'));
        return msg.count;
    }
    async stop() {
        this.child.send('stop');
        await (0, node_events_1.once)(this.child, 'exit');
    }
}
async function timeRun(sb, items, concurrency) {
    const before = await sb.requestCount();
    const started = process.hrtime.bigint();
    const result = await (0, workflow_1.runWorkflow)(workflowFor(items, concurrency), (0, sandbox_2.sandboxCredential)({ url: sb.url }));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.error)
        throw result.error;
    const out = result.output('Send to Each');
    const inOrder = out.length === items.length && out.every((o, n) => o.json.openid === items[n].openid && o.json.success === true);
    if (!inOrder)
        throw new Error(`concurrency ${concurrency}: output is not one success per customer in input order`);
    const sends = (await sb.requestCount()) - before;
    if (sends < items.length)
        throw new Error(`concurrency ${concurrency}: the sandbox saw ${sends} requests, expected ${items.length}`);
    return ms;
}
async function main() {
    const customers = Number(process.argv[2] ?? 1000);
    const delayMs = Number(process.argv[3] ?? 50);
    const sb = await RemoteSandbox.start(customers, delayMs);
    try {
        const items = openids(customers).map((openid, n) => ({ openid, text: `您好 👋 订单 #${n} 已发货` }));
        const serial = await timeRun(sb, items, 1);
        const parallel = await timeRun(sb, items, 10);
        const ratio = serial / parallel;
        console.log(`customers: ${customers}, sandbox delay per send: ${delayMs} ms`);
        console.log(`concurrency 1:  ${(serial / 1000).toFixed(2)} s`);
        console.log(`concurrency 10: ${(parallel / 1000).toFixed(2)} s`);
        console.log(`speedup: ${ratio.toFixed(2)}x (required: >= ${REQUIRED_SPEEDUP}x)`);
        if (ratio < REQUIRED_SPEEDUP)
            process.exitCode = 1;
    }
    finally {
        await sb.stop();
        await (0, http_1.closeHttpPools)();
    }
}
const childAt = process.argv.indexOf('--sandbox-child');
const run = childAt > -1 ? sandboxChild(Number(process.argv[childAt + 1]), Number(process.argv[childAt + 2])) : main();
run.catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
