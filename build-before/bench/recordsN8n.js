"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const recordParts_1 = require("./recordParts");
const ROOT = (0, recordParts_1.repoRoot)();
const runtime = require((0, node_path_1.join)(ROOT, 'scripts', 'n8n', 'runtime'));
const instance = require((0, node_path_1.join)(ROOT, 'scripts', 'n8n', 'instance'));
const RECORDS = Number(process.argv[2] ?? 300000);
const ROUNDS = Number(process.argv[3] ?? 2);
async function execute(rt, userFolder, id, rssDir) {
    const { n8nBin, nodeBin } = rt;
    const env = runtime.n8nEnv(rt, userFolder, { WECHAT_CS_BENCH_RSS_DIR: rssDir, N8N_LOG_LEVEL: 'warn' });
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${(0, node_path_1.join)(__dirname, 'peakRss.js')}`.trim();
    const started = performance.now();
    const child = (0, node_child_process_1.spawn)(nodeBin, [n8nBin, 'execute', `--id=${id}`], { env, cwd: userFolder, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (d) => {
        tail = (tail + d.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
    const seconds = (performance.now() - started) / 1000;
    const rssFile = (0, node_path_1.join)(rssDir, `${child.pid}.json`);
    const peakRssMB = (0, node_fs_1.existsSync)(rssFile) ? Math.round(JSON.parse((0, node_fs_1.readFileSync)(rssFile, 'utf8')).maxRssKB / 1024) : NaN;
    return { seconds, peakRssMB, code, tail };
}
async function main() {
    const rt = runtime.runtimes()['2'];
    if (!(0, node_fs_1.existsSync)(rt.stamp) || !(0, node_fs_1.existsSync)(rt.n8nBin)) {
        console.log(`real n8n: skipped, n8n ${rt.n8nVersion} is not installed (node scripts/n8n/runtime.js 2 installs it)`);
        return;
    }
    if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(ROOT, 'dist'))) {
        console.log('real n8n: skipped, dist/ is missing (npm run build)');
        return;
    }
    const work = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'wechat-cs-bench-n8n-'));
    const server = await (0, recordParts_1.startFastServer)(RECORDS);
    try {
        const userFolder = (0, node_path_1.join)(work, 'user');
        const wfDir = (0, node_path_1.join)(work, 'workflows');
        (0, node_fs_1.mkdirSync)(wfDir, { recursive: true });
        const modes = [
            { id: 'benchRecordLimit1', label: 'baseline: Limit 1 (n8n start-up)', extra: { returnAll: false, limit: 1 } },
            { id: 'benchRecordItems1', label: 'items', extra: {} },
            { id: 'benchRecordFile01', label: 'file (jsonl)', extra: { output: 'file' } },
        ];
        const files = modes.map((m) => {
            const wf = { ...(0, recordParts_1.recordWorkflow)(m.extra, instance.CREDENTIAL), id: m.id, name: `bench ${m.label}`, active: false };
            const file = (0, node_path_1.join)(wfDir, `${m.id}.json`);
            (0, node_fs_1.writeFileSync)(file, JSON.stringify(wf));
            return file;
        });
        await instance.prepareUserFolder(rt, userFolder, { sandboxUrl: server.url, workflows: files });
        const rssDir = (0, node_path_1.join)(work, 'rss');
        (0, node_fs_1.mkdirSync)(rssDir);
        console.log(`real n8n ${rt.n8nVersion}, n8n execute, ${RECORDS.toLocaleString('en-US')} records, load ${(0, node_os_1.loadavg)()[0].toFixed(2)}`);
        const results = new Map(modes.map((m) => [m.label, []]));
        for (let r = 0; r < ROUNDS; r++) {
            for (const m of modes) {
                const before = await server.requests();
                const o = await execute(rt, userFolder, m.id, rssDir);
                if (o.code !== 0)
                    throw new Error(`n8n execute (${m.label}) exited ${o.code}:\n${o.tail}`);
                results.get(m.label).push(o);
                console.log(`  ${m.label}: ${o.seconds.toFixed(1)} s, peak RSS ${o.peakRssMB} MB, ${(await server.requests()) - before} requests`);
            }
        }
        console.log('');
        console.log(`| n8n ${rt.n8nVersion}, \`n8n execute\`, ${RECORDS.toLocaleString('en-US')} records | wall time (s) | n8n process peak RSS (MB) |`);
        console.log('| --- | --- | --- |');
        for (const [label, list] of results) {
            console.log(`| ${label} | ${list.map((o) => o.seconds.toFixed(1)).join(', ')} | ${list.map((o) => o.peakRssMB).join(', ')} |`);
        }
        console.log(`(${ROUNDS} rounds; load after: ${(0, node_os_1.loadavg)().map((l) => l.toFixed(2)).join(' ')})`);
    }
    finally {
        server.stop();
        (0, node_fs_1.rmSync)(work, { recursive: true, force: true });
    }
}
main().catch((error) => {
    console.error(error);
    process.exit(1);
});
