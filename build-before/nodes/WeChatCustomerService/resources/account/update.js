"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.updateAccount = void 0;
const shared_1 = require("./shared");
const shared_2 = require("../shared");
exports.updateAccount = {
    option: {
        name: 'Update',
        value: 'update',
        action: 'Update an account',
        description: 'Change the nickname (and legacy password) of a customer-service account (kfaccount/update)',
    },
    api: 'POST /customservice/kfaccount/update',
    properties: [(0, shared_2.kfAccountProperty)(), shared_1.nicknameProperty, shared_1.passwordFields, (0, shared_2.optionsCollection)()],
    async execute({ itemIndex, client }) {
        const body = (0, shared_1.readAccountBody)(this, itemIndex);
        return (0, shared_2.accountResult)(body.kf_account, 'update', await client.updateAccount(body));
    },
};
