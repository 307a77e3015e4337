"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createSession = void 0;
const shared_1 = require("./shared");
const shared_2 = require("../shared");
exports.createSession = {
    option: {
        name: 'Create',
        value: 'create',
        action: 'Create a session',
        description: 'Assign a customer to an agent: the agent must be online and bound to a WeChat user; the customer leaves the waiting queue (kfsession/create)',
    },
    api: 'POST /customservice/kfsession/create',
    properties: [
        (0, shared_2.kfAccountProperty)('agent'),
        shared_2.openidProperty,
        {
            displayName: 'Note to Agent',
            name: 'text',
            type: 'string',
            default: '',
            description: 'Optional text shown to the agent in the customer-service client when the session opens (not sent to the customer)',
        },
        (0, shared_2.optionsCollection)(),
    ],
    async execute({ itemIndex, client }) {
        const kfAccount = (0, shared_2.readKfAccount)(this, itemIndex);
        const openid = (0, shared_2.readOpenid)(this, itemIndex);
        const text = this.getNodeParameter('text', itemIndex, '');
        await client.createSession({ kf_account: kfAccount, openid, text: String(text ?? '') });
        return (0, shared_1.sessionChanged)(kfAccount, openid);
    },
};
