"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deleteAccount = void 0;
const shared_1 = require("../shared");
exports.deleteAccount = {
    option: {
        name: 'Delete',
        value: 'delete',
        action: 'Delete an account',
        description: 'Remove a customer-service account (kfaccount/del, POST with the account in a JSON body)',
    },
    api: 'POST /customservice/kfaccount/del',
    properties: [(0, shared_1.kfAccountProperty)(), (0, shared_1.optionsCollection)()],
    async execute({ itemIndex, client }) {
        const kfAccount = (0, shared_1.readKfAccount)(this, itemIndex);
        return (0, shared_1.accountResult)(kfAccount, 'delete', await client.deleteAccount(kfAccount));
    },
};
