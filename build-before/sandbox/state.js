"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SandboxState = exports.CLASSIC_OVERLAP_SECONDS = exports.TOKEN_LIFETIME = exports.STABLE_FORCE_DAILY_QUOTA = exports.INVITE_LIFETIME_SECONDS = exports.MAX_AGENTS = exports.CLASSIC_DAILY_QUOTA = void 0;
const conversations_1 = require("./conversations");
const media_1 = require("./media");
const records_1 = require("./records");
exports.CLASSIC_DAILY_QUOTA = 2000;
exports.MAX_AGENTS = 100;
exports.INVITE_LIFETIME_SECONDS = 7 * 86400;
exports.STABLE_FORCE_DAILY_QUOTA = 20;
exports.TOKEN_LIFETIME = 7200;
exports.CLASSIC_OVERLAP_SECONDS = 300;
class SandboxState {
    clock;
    apps = new Map();
    tokens = new Map();
    tokenFetches = new Map();
    lastForceRefreshAt = new Map();
    agents = [];
    online = new Map();
    conversations = new conversations_1.Conversations();
    records = new records_1.RecordStore();
    officialAccountId = 'sandbox_oa';
    avatarFiles = new Map();
    media = new media_1.MediaStore();
    maxAgents = exports.MAX_AGENTS;
    overboundWorkers = new Set();
    tokenCounter = 0;
    constructor(clock) {
        this.clock = clock;
    }
    addApp(appId, secret) {
        const app = { appId, secret, secretFrozen: false, kfDisabled: false };
        this.apps.set(appId, app);
        return app;
    }
    newTokenString(kind) {
        this.tokenCounter += 1;
        const noise = Math.random().toString(36).slice(2, 12);
        return `${kind === 'stable' ? 'STABLE' : 'CLASSIC'}_${this.tokenCounter}_${noise}_${'x'.repeat(24)}`;
    }
    chinaDay(unixSeconds = this.clock.now()) {
        return new Date((unixSeconds + 8 * 3600) * 1000).toISOString().slice(0, 10);
    }
    countFetch(appId, kind) {
        const key = `${appId}|${kind}|${this.chinaDay()}`;
        const count = (this.tokenFetches.get(key) ?? 0) + 1;
        this.tokenFetches.set(key, count);
        return count;
    }
    expireInvites(now = this.clock.now()) {
        for (const a of this.agents) {
            if (a.invite_status === 'waiting' && (a.invite_expire_time ?? 0) <= now)
                a.invite_status = 'expired';
        }
    }
    answerInvite(kfAccount, answer) {
        const agent = this.agents.find((a) => a.kf_account === kfAccount);
        if (!agent?.invite_wx || agent.invite_status !== 'waiting')
            throw new Error(`no waiting invitation for ${kfAccount}`);
        if (answer === 'reject') {
            agent.invite_status = 'rejected';
            return;
        }
        agent.kf_wx = agent.invite_wx;
        delete agent.invite_wx;
        delete agent.invite_expire_time;
        delete agent.invite_status;
    }
    fetchesToday(appId, kind) {
        return this.tokenFetches.get(`${appId}|${kind}|${this.chinaDay()}`) ?? 0;
    }
}
exports.SandboxState = SandboxState;
