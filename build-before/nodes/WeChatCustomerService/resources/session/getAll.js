"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getAllSessions = void 0;
const sessions_1 = require("../../client/sessions");
const shared_1 = require("../shared");
const shared_2 = require("./shared");
exports.getAllSessions = {
    option: {
        name: 'Get Many',
        value: 'getAll',
        action: 'Get many sessions',
        description: 'List the customers an agent is serving, one item per session (kfsession/getsessionlist)',
    },
    api: 'GET /customservice/kfsession/getsessionlist',
    properties: [(0, shared_1.kfAccountProperty)('agent'), (0, shared_1.optionsCollection)()],
    async execute({ itemIndex, client }) {
        const kfAccount = (0, shared_1.readKfAccount)(this, itemIndex);
        const zone = (0, shared_1.workflowTimeFormatter)(this, itemIndex);
        return (0, sessions_1.agentSessionItems)(kfAccount, await client.listSessions(kfAccount)).map((s) => (0, shared_2.withCreatetimeIso)(s, zone));
    },
};
