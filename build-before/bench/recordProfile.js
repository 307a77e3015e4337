"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("./setup-env");
const http_1 = require("../nodes/WeChatCustomerService/transport/http");
const workflow_1 = require("../test/helpers/workflow");
const recordParts_1 = require("./recordParts");
async function main() {
    const n = Number(process.argv[2] ?? 300000);
    const rounds = Number(process.argv[3] ?? 5);
    const server = await (0, recordParts_1.startFastServer)(n);
    for (let r = 0; r < rounds; r++) {
        const t = performance.now();
        const result = await (0, workflow_1.runWorkflow)((0, recordParts_1.recordWorkflow)(), (0, recordParts_1.benchCredential)(server.url));
        if (result.error)
            throw result.error;
        console.log(`${result.output(recordParts_1.NODE_NAME).length} items in ${Math.round(performance.now() - t)} ms`);
    }
    server.stop();
    await (0, http_1.closeHttpPools)();
}
void main();
