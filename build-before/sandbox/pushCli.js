"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runVerifyCli = runVerifyCli;
exports.runPushCli = runPushCli;
const push_1 = require("./push");
const USAGE = `usage: npm run sandbox -- push --url <trigger URL> [--type ${push_1.PUSH_TYPES.join('|')}]
       [--content TEXT] [--from OPENID] [--kf-account A] [--from-kf-account A] [--to-kf-account A]
       [--mode safe|compatible|plain] [--token T --aes-key K --app-id ID] [--sandbox URL | --direct]`;
function option(argv, name) {
    const i = argv.indexOf(`--${name}`);
    return i > -1 ? argv[i + 1] : undefined;
}
async function runVerifyCli(argv) {
    const url = option(argv, 'url');
    if (!url) {
        console.error('usage: npm run sandbox -- verify --url <trigger URL> [--token T]');
        return 2;
    }
    const echostr = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
    const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}${(0, push_1.verificationQuery)(option(argv, 'token') ?? push_1.SANDBOX_PUSH.token, echostr)}`);
    const body = await res.text();
    const ok = res.status === 200 && body === echostr;
    console.log(`URL verification (GET) to ${url}: HTTP ${res.status}, ${ok ? 'echostr echoed: WeChat would accept this Server URL' : `not accepted: ${body.slice(0, 200)}`}`);
    return ok ? 0 : 1;
}
async function runPushCli(argv) {
    const url = option(argv, 'url');
    const type = (option(argv, 'type') ?? 'text');
    const mode = (option(argv, 'mode') ?? 'safe');
    if (!url || !push_1.PUSH_TYPES.includes(type) || !['safe', 'compatible', 'plain'].includes(mode)) {
        console.error(USAGE);
        return 2;
    }
    const spec = {
        type,
        content: option(argv, 'content'),
        from: option(argv, 'from'),
        kfAccount: option(argv, 'kf-account'),
        fromKfAccount: option(argv, 'from-kf-account'),
        toKfAccount: option(argv, 'to-kf-account'),
    };
    const target = {
        token: option(argv, 'token') ?? push_1.SANDBOX_PUSH.token,
        encodingAESKey: option(argv, 'aes-key') ?? push_1.SANDBOX_PUSH.encodingAESKey,
        appId: option(argv, 'app-id') ?? push_1.SANDBOX_PUSH.appId,
    };
    const sandbox = option(argv, 'sandbox') ?? `http://127.0.0.1:${process.env.SANDBOX_PORT ?? '8787'}`;
    let result;
    let via = 'directly (no sandbox running: no 48-hour window opened)';
    if (!argv.includes('--direct')) {
        try {
            const res = await fetch(`${sandbox}/sandbox/push`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ ...spec, url, mode, target }),
            });
            const json = (await res.json());
            if (json.error)
                throw new Error(json.error);
            result = json;
            via = `through the sandbox at ${sandbox}`;
        }
        catch (error) {
            if (!(error instanceof TypeError))
                throw error;
        }
    }
    result ??= await (0, push_1.sendPush)(url, { ...target, mode }, spec);
    console.log(`Pushed a ${type} (${mode} mode) ${via} to ${url}`);
    console.log(`HTTP ${result.status}, reply: ${result.kind || '(empty)'}${result.encrypted ? ' (encrypted, signature verified)' : ''}`);
    if (result.fields.KfAccount)
        console.log(`transferred to ${result.fields.KfAccount}`);
    if (result.status !== 200)
        console.log(result.body);
    for (const p of result.problems)
        console.log(`problem: ${p}`);
    return result.problems.length ? 1 : 0;
}
