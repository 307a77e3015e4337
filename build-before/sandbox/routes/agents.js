"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.agentRoutes = void 0;
const common_1 = require("./common");
exports.agentRoutes = [
    {
        method: 'GET',
        path: '/cgi-bin/customservice/getkflist',
        handler: (req, sb) => {
            (0, common_1.requireKf)(req, sb);
            sb.state.expireInvites();
            return { json: { kf_list: sb.state.agents.map((a) => ({ ...a })) } };
        },
    },
    {
        method: 'GET',
        path: '/cgi-bin/customservice/getonlinekflist',
        handler: (req, sb) => {
            (0, common_1.requireKf)(req, sb);
            const list = sb.state.agents
                .filter((a) => sb.state.online.has(a.kf_account))
                .map((a) => ({ kf_account: a.kf_account, kf_id: a.kf_id, ...sb.state.online.get(a.kf_account) }));
            return { json: { kf_online_list: list } };
        },
    },
];
