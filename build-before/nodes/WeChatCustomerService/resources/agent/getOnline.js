"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getOnlineAgents = void 0;
const agents_1 = require("../../client/agents");
const shared_1 = require("../shared");
exports.getOnlineAgents = {
    option: {
        name: 'Get Online',
        value: 'getOnline',
        action: 'Get online agents',
        description: 'List the agents who are online now and how many sessions each serves (getonlinekflist)',
    },
    api: 'GET /cgi-bin/customservice/getonlinekflist',
    properties: [(0, shared_1.optionsCollection)()],
    async execute({ client }) {
        const agents = await client.listOnlineAgents();
        return agents.map(agents_1.withStatusName);
    },
};
