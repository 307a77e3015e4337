"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createAccount = void 0;
const shared_1 = require("./shared");
const shared_2 = require("../shared");
exports.createAccount = {
    option: {
        name: 'Create',
        value: 'create',
        action: 'Create an account',
        description: 'Add a customer-service account to the Official Account (kfaccount/add)',
    },
    api: 'POST /customservice/kfaccount/add',
    properties: [(0, shared_2.kfAccountProperty)('newAccount'), shared_1.nicknameProperty, shared_1.passwordFields, (0, shared_2.optionsCollection)()],
    async execute({ itemIndex, client }) {
        const body = (0, shared_1.readAccountBody)(this, itemIndex);
        return (0, shared_2.accountResult)(body.kf_account, 'create', await client.addAccount(body));
    },
};
