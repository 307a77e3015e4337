"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getWaitingSessions = void 0;
const sessions_1 = require("../../client/sessions");
const shared_1 = require("../shared");
exports.getWaitingSessions = {
    option: {
        name: 'Get Waiting',
        value: 'getWaiting',
        action: 'Get waiting customers',
        description: 'Customers waiting for an agent, longest-waiting first (at most the 100 earliest); each item carries the total count (kfsession/getwaitcase)',
    },
    api: 'GET /customservice/kfsession/getwaitcase',
    properties: [(0, shared_1.optionsCollection)()],
    async execute({ client }) {
        return (0, sessions_1.waitCaseItems)(await client.listWaitCases());
    },
};
