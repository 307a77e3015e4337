"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const index_1 = require("./index");
const pushCli_1 = require("./pushCli");
function arg(name, fallback) {
    const i = process.argv.indexOf(`--${name}`);
    return i > -1 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
async function main() {
    const port = Number(arg('port', process.env.SANDBOX_PORT ?? '8787'));
    const seed = arg('seed', 'demo') === 'empty' ? 'empty' : 'demo';
    const sb = await (0, index_1.startSandbox)({ port, host: '127.0.0.1', seed });
    console.log(`WeChat kf sandbox listening on ${sb.url} (AppID ${index_1.SANDBOX_APP_ID}, AppSecret ${index_1.SANDBOX_APP_SECRET}, seed ${seed})`);
    const stop = async () => {
        await sb.stop();
        process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
}
if (process.argv[2] === 'push')
    void (0, pushCli_1.runPushCli)(process.argv.slice(3)).then((code) => process.exit(code));
else if (process.argv[2] === 'verify')
    void (0, pushCli_1.runVerifyCli)(process.argv.slice(3)).then((code) => process.exit(code));
else
    void main();
