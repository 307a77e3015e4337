"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getSession = void 0;
const sessions_1 = require("../../client/sessions");
const shared_1 = require("../shared");
const shared_2 = require("./shared");
exports.getSession = {
    option: {
        name: 'Get',
        value: 'get',
        action: 'Get a customer’s session',
        description: 'Which agent serves a customer now; kf_account is empty when nobody does (kfsession/getsession)',
    },
    api: 'GET /customservice/kfsession/getsession',
    properties: [shared_1.openidProperty, (0, shared_1.optionsCollection)()],
    async execute({ itemIndex, client }) {
        const openid = (0, shared_1.readOpenid)(this, itemIndex);
        const zone = (0, shared_1.workflowTimeFormatter)(this, itemIndex);
        return (0, shared_2.withCreatetimeIso)((0, sessions_1.customerSessionItem)(openid, await client.getSession(openid)), zone);
    },
};
