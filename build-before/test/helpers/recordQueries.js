"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DAY = exports.T0 = void 0;
exports.recordQuery = recordQuery;
exports.recordTools = recordTools;
const settings_1 = require("../../nodes/WeChatCustomerService/client/settings");
const sandbox_1 = require("./sandbox");
exports.T0 = 1709222400;
exports.DAY = 86400;
function recordQuery(overrides = {}) {
    return { startTime: exports.T0, endTime: exports.T0 + exports.DAY - 1, api: 'msgList', pageSize: 10000, ...overrides };
}
function recordTools(ctx) {
    const client = () => (0, settings_1.createKfClient)((0, sandbox_1.sandboxCredential)(ctx.sb)[sandbox_1.CREDENTIAL_TYPE]);
    return {
        client,
        async collect(q) {
            const out = [];
            for await (const r of client().iterateRecords(q))
                out.push(r);
            return out;
        },
        seed(times, openidOf = () => 'o_cust') {
            const records = times.map((time, i) => ({ time, worker: 'alice@sandbox_oa', openid: openidOf(i), opercode: 2002, text: `r${i}` }));
            ctx.sb.state.records.add(records);
            return records;
        },
        bodies(path) {
            return ctx.sb.requestsTo(path).map((r) => r.json);
        },
    };
}
