"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getAllAgents = void 0;
const agents_1 = require("../../client/agents");
const shared_1 = require("../shared");
exports.getAllAgents = {
    option: {
        name: 'Get Many',
        value: 'getAll',
        action: 'Get many agents',
        description: 'List every customer-service agent of the Official Account (getkflist)',
    },
    api: 'GET /cgi-bin/customservice/getkflist',
    properties: [(0, shared_1.optionsCollection)()],
    async execute({ client }) {
        const agents = await client.listAgents();
        return agents.map(agents_1.withHeadImageSize);
    },
};
