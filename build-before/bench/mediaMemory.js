"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("./setup-env");
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const sandbox_1 = require("../sandbox");
const http_1 = require("../nodes/WeChatCustomerService/transport/http");
const binaryData_1 = require("../test/helpers/binaryData");
const mediaFiles_1 = require("../test/helpers/mediaFiles");
const sandbox_2 = require("../test/helpers/sandbox");
const workflow_1 = require("../test/helpers/workflow");
const MB = 1024 * 1024;
const MODES = ['baseline', 'default', 'filesystem'];
function fixture(name) {
    return JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, '..', '..', 'test', 'fixtures', name), 'utf8'));
}
async function child(mode, size) {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'wechat-cs-bench-media-'));
    if (mode === 'filesystem')
        await (0, binaryData_1.useFilesystemBinaryData)(dir);
    const sb = await (0, sandbox_1.startSandbox)({ seed: 'demo' });
    const media = sb.state.media.add('video', (0, mediaFiles_1.sampleFile)('mp4', 1000), sb.clock.now());
    media.bytes = (0, mediaFiles_1.sampleFile)('mp4', size);
    const wf = (0, mediaFiles_1.withInputs)(fixture('media-download.workflow.json'), [{ json: { mediaId: mode === 'baseline' ? '' : media.media_id } }]);
    global.gc?.();
    const base = process.memoryUsage();
    let heap = base.heapUsed;
    let external = base.external + base.arrayBuffers;
    const timer = setInterval(() => {
        const m = process.memoryUsage();
        heap = Math.max(heap, m.heapUsed);
        external = Math.max(external, m.external + m.arrayBuffers);
    }, 2);
    const started = Date.now();
    const result = await (0, workflow_1.runWorkflow)(wf, (0, sandbox_2.sandboxCredential)(sb));
    const ms = Date.now() - started;
    clearInterval(timer);
    global.gc?.();
    const after = process.memoryUsage();
    const retained = after.heapUsed + after.external + after.arrayBuffers - (base.heapUsed + base.external + base.arrayBuffers);
    const item = result.output('Download Media')[0];
    if (mode !== 'baseline' && item?.json.file_size !== size)
        throw new Error(`download failed: ${JSON.stringify(result.json('Download Media', 1))}`);
    const mb = (n) => Math.round((n / 1e6) * 10) / 10;
    process.stdout.write(`${JSON.stringify({ mode, ms, retainedMB: mb(retained), heapGrowthMB: mb(heap - base.heapUsed), bufferGrowthMB: mb(external - base.external - base.arrayBuffers), peakRssMB: mb(process.resourceUsage().maxRSS * 1024) })}\n`);
    await sb.stop();
    await (0, http_1.closeHttpPools)();
    (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
}
function parent() {
    for (const size of [10 * MB, 50 * MB]) {
        console.log(`Media → Download of a ${size} byte video (the sandbox in the same process holds it once in every run):`);
        for (const mode of MODES) {
            const out = (0, node_child_process_1.execFileSync)(process.execPath, ['--expose-gc', __filename, mode, String(size)], { encoding: 'utf8' });
            const r = JSON.parse(out.trim().split('\n').pop());
            console.log(`  ${String(r.mode).padEnd(10)} peak RSS ${r.peakRssMB} MB, held after the run ${r.retainedMB} MB, peak heap +${r.heapGrowthMB} MB, buffers +${r.bufferGrowthMB} MB, ${r.ms} ms`);
        }
    }
}
const mode = process.argv[2];
if (mode) {
    child(mode, Number(process.argv[3])).catch((error) => {
        console.error(error);
        process.exit(1);
    });
}
else {
    parent();
}
