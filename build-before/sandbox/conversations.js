"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO_CUSTOMERS = exports.Conversations = exports.WAITCASE_LIST_MAX = exports.MESSAGES_PER_CUSTOMER_MESSAGE = exports.SERVICE_WINDOW_SECONDS = void 0;
exports.seedDemoConversations = seedDemoConversations;
exports.SERVICE_WINDOW_SECONDS = 48 * 3600;
exports.MESSAGES_PER_CUSTOMER_MESSAGE = 5;
exports.WAITCASE_LIST_MAX = 100;
class Conversations {
    customers = new Map();
    sessions = new Map();
    waiting = [];
    sent = [];
    typing = [];
    customerWrites(openid, at, nickname = openid, options = {}) {
        const customer = this.customers.get(openid) ?? { openid, nickname, lastMessageAt: at, sentSinceLastMessage: 0 };
        customer.lastMessageAt = at;
        customer.sentSinceLastMessage = 0;
        this.customers.set(openid, customer);
        if (options.waits !== false && !this.sessions.has(openid)) {
            const queued = this.waiting.find((w) => w.openid === openid);
            if (queued)
                queued.latest_time = at;
            else
                this.waiting.push({ openid, latest_time: at });
        }
        return customer;
    }
    open(openid, kfAccount, at) {
        this.waiting = this.waiting.filter((w) => w.openid !== openid);
        const session = { openid, kf_account: kfAccount, createtime: at };
        this.sessions.set(openid, session);
        return session;
    }
    close(openid) {
        this.sessions.delete(openid);
    }
    sessionsOf(kfAccount) {
        return [...this.sessions.values()].filter((s) => s.kf_account === kfAccount);
    }
    sentTo(openid) {
        return this.sent.filter((m) => m.touser === openid);
    }
}
exports.Conversations = Conversations;
exports.DEMO_CUSTOMERS = [
    { openid: 'oDemo_LiLei_7fQx2mZk9pW1', nickname: '李雷', minutesAgo: 42, agent: '' },
    { openid: 'oDemo_HanMeimei_3vNc8aLr', nickname: '韩梅梅', minutesAgo: 27, agent: '' },
    { openid: 'oDemo_Tom_Lk2pQ9xW4sEd6u', nickname: 'Tom 🐱', minutesAgo: 9, agent: '' },
    { openid: 'oDemo_WangFang_Yt5rE1qZ8', nickname: '王芳', minutesAgo: 65, agent: 'alice' },
    { openid: 'oDemo_ZhaoQiang_Pm4kU7bV', nickname: '赵强', minutesAgo: 18, agent: 'alice' },
    { openid: 'oDemo_Lucy_Hs6dF2jN0cXa9', nickname: 'Lucy', minutesAgo: 33, agent: 'carol' },
    { openid: 'oDemo_ZhouJie_Qw9eR3tY5u', nickname: '周杰', minutesAgo: 3 * 24 * 60, agent: '' },
];
function seedDemoConversations(conversations, now, officialAccountId) {
    for (const c of exports.DEMO_CUSTOMERS) {
        const at = now - c.minutesAgo * 60;
        const stale = now - at > exports.SERVICE_WINDOW_SECONDS;
        conversations.customerWrites(c.openid, at, c.nickname, { waits: !stale && !c.agent });
        if (c.agent)
            conversations.open(c.openid, `${c.agent}@${officialAccountId}`, at + 60);
    }
}
