"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.accountResource = void 0;
const create_1 = require("./create");
const delete_1 = require("./delete");
const invite_1 = require("./invite");
const update_1 = require("./update");
exports.accountResource = {
    option: {
        name: 'Account',
        value: 'account',
        description: 'Create, update, delete customer-service accounts and bind WeChat users to them',
    },
    operations: [create_1.createAccount, delete_1.deleteAccount, invite_1.inviteAccount, update_1.updateAccount],
};
