"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inviteAccount = void 0;
const input_1 = require("../../execution/input");
const shared_1 = require("../shared");
exports.inviteAccount = {
    option: {
        name: 'Invite',
        value: 'invite',
        action: 'Invite a WeChat user to an account',
        description: 'Invite a WeChat user to bind to the account; they accept in WeChat within 7 days (kfaccount/inviteworker)',
    },
    api: 'POST /customservice/kfaccount/inviteworker',
    properties: [
        (0, shared_1.kfAccountProperty)(),
        {
            displayName: 'WeChat ID to Invite',
            name: 'inviteWx',
            type: 'string',
            required: true,
            default: '',
            placeholder: 'e.g. alice_wx',
            description: 'WeChat ID of the person who will serve customers through this account',
        },
        (0, shared_1.optionsCollection)(),
    ],
    async execute({ itemIndex, client }) {
        const kfAccount = (0, shared_1.readKfAccount)(this, itemIndex);
        const inviteWx = (0, input_1.stringParam)(this, itemIndex, 'inviteWx');
        return (0, shared_1.accountResult)(kfAccount, 'invite', await client.inviteWorker(kfAccount, inviteWx));
    },
};
