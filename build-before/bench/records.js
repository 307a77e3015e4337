"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("./setup-env");
const node_child_process_1 = require("node:child_process");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_process_1 = require("node:process");
const undici_1 = require("undici");
const tokens_1 = require("../nodes/WeChatCustomerService/client/tokens");
const http_1 = require("../nodes/WeChatCustomerService/transport/http");
const workflow_1 = require("../test/helpers/workflow");
const recordParts_1 = require("./recordParts");
const SIZES = (process.argv[2] ?? '30000,300000,1000000').split(',').map(Number);
const RUNTIME_LABEL_ENV = 'WECHAT_CS_BENCH_RECORDS_RUNTIME';
function roundsFor(n) {
    if (n >= 1_000_000)
        return Number(process.env.BENCH_ROUNDS_1M ?? 5);
    return Number(process.env.BENCH_ROUNDS ?? (n <= 100_000 ? 15 : 9));
}
function median(values) {
    const s = [...values].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const ms = (v) => `${Math.round(v).toLocaleString('en-US')}`;
const spread = (v) => `${ms(median(v))} (${ms(Math.min(...v))}–${ms(Math.max(...v))})`;
const load = () => (0, node_os_1.loadavg)().map((l) => l.toFixed(2)).join(' ');
async function timeA(server) {
    tokens_1.tokenServers.clear();
    const before = await server.requests();
    const t = performance.now();
    const result = await (0, workflow_1.runWorkflow)((0, recordParts_1.recordWorkflow)(), (0, recordParts_1.benchCredential)(server.url));
    const elapsed = performance.now() - t;
    if (result.error)
        throw result.error;
    return [elapsed, result.output(recordParts_1.NODE_NAME).length, (await server.requests()) - before];
}
async function timeB(server, agent, keep = false) {
    const t = performance.now();
    const [records, requests] = await (0, recordParts_1.bareLoop)(server.url, agent, keep ? [] : undefined);
    return [performance.now() - t, records, requests];
}
async function timeC(nodeTypes) {
    const t = performance.now();
    const result = await (0, workflow_1.runWorkflow)(recordParts_1.stubWorkflow, {}, { nodeTypes });
    const elapsed = performance.now() - t;
    return [elapsed, result.output(recordParts_1.NODE_NAME).length];
}
function memoryOf(mode, url) {
    const out = (0, node_child_process_1.execFileSync)(process.execPath, [(0, node_path_1.join)(__dirname, 'recordMemory.js'), mode, url], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop());
}
async function main() {
    const runtimeLabel = process.env[RUNTIME_LABEL_ENV] ?? `Node ${node_process_1.version} (this machine's)`;
    console.log(`chat records on ${runtimeLabel}: A node, B bare undici loop, C stub node through WorkflowExecute; load before: ${load()}`);
    const rows = [];
    for (const n of SIZES) {
        const rounds = roundsFor(n);
        const server = await (0, recordParts_1.startFastServer)(n);
        const agent = new undici_1.Agent({ keepAliveTimeout: 30_000 });
        const nodeTypes = (0, recordParts_1.stubNodeTypes)((0, recordParts_1.itemColumns)(n));
        await timeA(server);
        await timeB(server, agent);
        await timeC(nodeTypes);
        const a = [];
        const b = [];
        const c = [];
        const bKeep = [];
        let pagesA = 0;
        let pagesB = 0;
        for (let r = 0; r < rounds; r++) {
            const [ta, na, qa] = await timeA(server);
            const [tb, nb, qb] = await timeB(server, agent);
            const [tc, nc] = await timeC(nodeTypes);
            if (na !== n || nb !== n || nc !== n)
                throw new Error(`record counts differ: A ${na}, B ${nb}, C ${nc}, expected ${n}`);
            a.push(ta);
            b.push(tb);
            c.push(tc);
            [pagesA, pagesB] = [qa, qb];
            global.gc?.();
        }
        for (let r = 0; r < rounds; r++) {
            bKeep.push((await timeB(server, agent, true))[0]);
            global.gc?.();
        }
        const ratio = median(a) / (median(b) + median(c));
        console.log(`N=${n}: A ${spread(a)}, B ${spread(b)}, C ${spread(c)}, A/(B+C) ${ratio.toFixed(2)}, pages ${pagesA}/${pagesB}; B′ (B keeping what it parsed) ${spread(bKeep)}, A/(B′+C) ${(median(a) / (median(bKeep) + median(c))).toFixed(2)}`);
        const memItems = memoryOf('items', server.url);
        const memFile = memoryOf('file', server.url);
        rows.push(`| ${n.toLocaleString('en-US')} | ${spread(a)} | ${spread(b)} | ${spread(c)} | ${ratio.toFixed(2)} | ${pagesA} / ${pagesB} | ` +
            `${Math.round(n / (median(a) / 1000)).toLocaleString('en-US')} | ${memItems.rssMB} / ${memItems.heapMB} | ${memFile.records === n ? `${memFile.rssMB} / ${memFile.heapMB}` : `wrote ${memFile.records} records, expected ${n}`} | ${spread(bKeep)} | ${(median(a) / (median(bKeep) + median(c))).toFixed(2)} |`);
        console.log(`N=${n}: ${rounds} rounds done, load ${load()}`);
        await agent.close();
        server.stop();
    }
    console.log('');
    console.log(`${runtimeLabel}:`);
    console.log('| records | A node, ms | B bare loop, ms | C n8n floor, ms | A/(B+C) | pages A / B | records/s (A) | items mode: peak RSS / heap MB | file mode (jsonl, filesystem): peak RSS / heap MB | B′ bare loop keeping the parsed records, ms | A/(B′+C) |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows)
        console.log(row);
    console.log(`(medians, min–max in brackets; load after: ${load()})`);
    await (0, http_1.closeHttpPools)();
    if (!process.env[RUNTIME_LABEL_ENV])
        await onNode24();
}
async function onNode24() {
    if (process.version.startsWith('v24.'))
        return;
    const runtime = require((0, node_path_1.join)((0, recordParts_1.repoRoot)(), 'scripts', 'n8n', 'runtime'));
    const node24 = await runtime.ensureNode24();
    console.log('');
    (0, node_child_process_1.execFileSync)(node24.bin, ['--expose-gc', __filename, SIZES.join(',')], {
        stdio: 'inherit',
        env: { ...process.env, [RUNTIME_LABEL_ENV]: `Node v${runtime.NODE24_VERSION} (n8n 2.x's runtime)` },
    });
}
main().catch((error) => {
    console.error(error);
    process.exit(1);
});
