"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("./setup-env");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const http_1 = require("../nodes/WeChatCustomerService/transport/http");
const binaryData_1 = require("../test/helpers/binaryData");
const workflow_1 = require("../test/helpers/workflow");
const recordParts_1 = require("./recordParts");
async function main() {
    const [mode, url, fileFormat = 'jsonl'] = process.argv.slice(2);
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'wechat-cs-bench-bin-'));
    if (mode === 'file')
        await (0, binaryData_1.useFilesystemBinaryData)(dir);
    const baseRss = process.memoryUsage().rss;
    let heap = 0;
    const sample = () => {
        heap = Math.max(heap, process.memoryUsage().heapUsed);
    };
    const timer = setInterval(sample, 5);
    const wf = (0, recordParts_1.recordWorkflow)(mode === 'file' ? { output: 'file', fileFormat } : {});
    const result = await (0, workflow_1.runWorkflow)(wf, (0, recordParts_1.benchCredential)(url));
    sample();
    clearInterval(timer);
    if (result.error)
        throw result.error;
    const items = result.output(recordParts_1.NODE_NAME);
    const records = mode === 'file' ? Number(items[0].json.records) : items.length;
    const mb = (bytes) => Math.round(bytes / 1e6);
    process.stdout.write(`${JSON.stringify({ records, rssMB: mb(process.resourceUsage().maxRSS * 1024), heapMB: mb(heap), baseRssMB: mb(baseRss) })}\n`);
    await (0, http_1.closeHttpPools)();
    (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
}
main().catch((error) => {
    console.error(error);
    process.exit(1);
});
