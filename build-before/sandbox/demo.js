"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seedDemo = seedDemo;
const records_1 = require("./records");
const avatars_1 = require("./avatars");
const conversations_1 = require("./conversations");
const DEMO_RUN_SECONDS = 24 * 3600;
const GREETING_AGAIN = '你好，还在吗？';
function answerableCustomers(sb, records) {
    const now = sb.clock.now();
    const lastWrote = new Map();
    for (const r of records) {
        const wrote = r.opercode === 2001 || r.opercode === 2003 ? r.time : 0;
        lastWrote.set(r.openid, Math.max(lastWrote.get(r.openid) ?? 0, wrote));
    }
    const again = [];
    [...lastWrote.keys()].sort().forEach((openid, i) => {
        let at = lastWrote.get(openid) ?? 0;
        if (now - at > conversations_1.SERVICE_WINDOW_SECONDS - DEMO_RUN_SECONDS) {
            at = now - 300 - i * 97;
            again.push({ time: at, worker: '', openid, opercode: 2001, text: GREETING_AGAIN });
        }
        sb.state.conversations.customerWrites(openid, at, openid, { waits: false });
    });
    return [...records, ...again];
}
function seedDemo(sb) {
    const oa = sb.state.officialAccountId;
    const agents = [
        { prefix: 'alice', nick: '客服小美', wx: 'alice_wx', size: '0' },
        { prefix: 'bob', nick: 'Bob 🐻', wx: 'bob_wx', size: '132' },
        { prefix: 'carol', nick: 'Carol', wx: 'carol_wx', size: '96' },
        { prefix: 'dave', nick: '大卫', wx: '', size: '' },
        { prefix: 'erin', nick: 'Erin', wx: '', size: '64' },
    ];
    agents.forEach((a, i) => {
        const kfId = String(1001 + i);
        sb.state.agents.push({
            kf_account: `${a.prefix}@${oa}`,
            kf_nick: a.nick,
            kf_id: kfId,
            kf_headimgurl: a.size ? `${sb.url}/mmhead/${kfId}/${a.size}` : '',
            ...(a.wx ? { kf_wx: a.wx } : {}),
            ...(a.prefix === 'erin'
                ? { invite_wx: 'erin_wx', invite_expire_time: sb.clock.now() + 7 * 86400, invite_status: 'waiting' }
                : {}),
        });
    });
    sb.state.online.set(`alice@${oa}`, { status: 1, auto_accept: 10, accepted_case: 2 });
    sb.state.online.set(`bob@${oa}`, { status: 3, auto_accept: 5, accepted_case: 0 });
    sb.state.online.set(`carol@${oa}`, { status: 2, auto_accept: 8, accepted_case: 1 });
    (0, conversations_1.seedDemoConversations)(sb.state.conversations, sb.clock.now(), oa);
    (0, avatars_1.seedDemoAvatars)(sb);
    sb.state.records.add(answerableCustomers(sb, (0, records_1.demoRecords)(sb.clock.now(), [`alice@${oa}`, `bob@${oa}`, `carol@${oa}`])));
}
