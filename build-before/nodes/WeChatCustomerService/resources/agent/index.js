"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.agentResource = void 0;
const getAll_1 = require("./getAll");
const getOnline_1 = require("./getOnline");
exports.agentResource = {
    option: { name: 'Agent', value: 'agent', description: 'Customer-service agents and who is online' },
    operations: [getAll_1.getAllAgents, getOnline_1.getOnlineAgents],
};
