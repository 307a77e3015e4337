"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.closeSession = void 0;
const shared_1 = require("./shared");
const shared_2 = require("../shared");
exports.closeSession = {
    option: {
        name: 'Close',
        value: 'close',
        action: 'Close a session',
        description: 'End the session between an agent and a customer (kfsession/close)',
    },
    api: 'POST /customservice/kfsession/close',
    properties: [(0, shared_2.kfAccountProperty)('agent'), shared_2.openidProperty, (0, shared_2.optionsCollection)()],
    async execute({ itemIndex, client }) {
        const kfAccount = (0, shared_2.readKfAccount)(this, itemIndex);
        const openid = (0, shared_2.readOpenid)(this, itemIndex);
        await client.closeSession({ kf_account: kfAccount, openid });
        return (0, shared_1.sessionChanged)(kfAccount, openid);
    },
};
