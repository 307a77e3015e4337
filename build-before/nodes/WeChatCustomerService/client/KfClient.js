"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KfClient = void 0;
const WeChatClient_1 = require("./WeChatClient");
const media_1 = require("./media");
const messages_1 = require("./messages");
const records_1 = require("./records");
const sessions_1 = require("./sessions");
class KfClient extends WeChatClient_1.WeChatClient {
    async listAgents() {
        const res = await this.call({
            method: 'GET',
            path: '/cgi-bin/customservice/getkflist',
            kind: 'read',
        });
        return (0, WeChatClient_1.listIn)(res, 'kf_list', '/cgi-bin/customservice/getkflist');
    }
    async listOnlineAgents() {
        const res = await this.call({
            method: 'GET',
            path: '/cgi-bin/customservice/getonlinekflist',
            kind: 'read',
        });
        return (0, WeChatClient_1.listIn)(res, 'kf_online_list', '/cgi-bin/customservice/getonlinekflist');
    }
    async getMsgList(request) {
        const page = await this.call({ method: 'POST', path: records_1.MSG_LIST_PATH, kind: 'read', json: request });
        (0, WeChatClient_1.listIn)(page, 'recordlist', records_1.MSG_LIST_PATH);
        return page;
    }
    async getRecordPage(request) {
        const page = await this.call({ method: 'POST', path: records_1.LEGACY_RECORD_PATH, kind: 'read', json: request });
        (0, WeChatClient_1.listIn)(page, 'recordlist', records_1.LEGACY_RECORD_PATH);
        return page;
    }
    iterateRecords(query) {
        return (0, records_1.iterateRecords)(this, query);
    }
    iterateRecordPages(query) {
        return (0, records_1.iterateRecordPages)(this, query);
    }
    async addAccount(body) {
        return await this.postWrite('/customservice/kfaccount/add', body);
    }
    async updateAccount(body) {
        return await this.postWrite('/customservice/kfaccount/update', body);
    }
    async deleteAccount(kfAccount) {
        return await this.postWrite('/customservice/kfaccount/del', { kf_account: kfAccount });
    }
    async inviteWorker(kfAccount, inviteWx) {
        return await this.postWrite('/customservice/kfaccount/inviteworker', { kf_account: kfAccount, invite_wx: inviteWx });
    }
    async uploadHeadImage(kfAccount, multipart) {
        return await this.call({
            method: 'POST',
            path: '/customservice/kfaccount/uploadheadimg',
            kind: 'write',
            query: { kf_account: kfAccount },
            multipart,
        });
    }
    async uploadMedia(type, multipart) {
        return await (0, media_1.uploadMedia)(this, type, multipart);
    }
    async downloadMedia(mediaId) {
        return await (0, media_1.downloadMedia)(this, mediaId);
    }
    async createSession(change) {
        return await this.postWrite('/customservice/kfsession/create', (0, sessions_1.sessionChangeBody)(change));
    }
    async closeSession(change) {
        return await this.postWrite('/customservice/kfsession/close', (0, sessions_1.sessionChangeBody)(change));
    }
    async getSession(openid) {
        return await this.call({
            method: 'GET',
            path: '/customservice/kfsession/getsession',
            kind: 'read',
            query: { openid },
        });
    }
    async listSessions(kfAccount) {
        const res = await this.call({
            method: 'GET',
            path: '/customservice/kfsession/getsessionlist',
            kind: 'read',
            query: { kf_account: kfAccount },
        });
        return (0, WeChatClient_1.listIn)(res, 'sessionlist', '/customservice/kfsession/getsessionlist');
    }
    async listWaitCases() {
        const res = await this.call({
            method: 'GET',
            path: '/customservice/kfsession/getwaitcase',
            kind: 'read',
        });
        const waitcaselist = (0, WeChatClient_1.listIn)(res, 'waitcaselist', '/customservice/kfsession/getwaitcase');
        return { count: Number(res.count ?? waitcaselist.length), waitcaselist };
    }
    async sendMessage(message) {
        return await this.postWrite('/cgi-bin/message/custom/send', (0, messages_1.customMessageBody)(message));
    }
    async sendTyping(touser, command) {
        return await this.postWrite('/cgi-bin/message/custom/typing', { touser, command });
    }
    async postWrite(path, json) {
        return await this.call({ method: 'POST', path, kind: 'write', json });
    }
}
exports.KfClient = KfClient;
