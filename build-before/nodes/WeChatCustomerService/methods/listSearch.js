"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchAccounts = searchAccounts;
exports.searchAgents = searchAgents;
const agents_1 = require("../client/agents");
const settings_1 = require("../client/settings");
const errors_1 = require("../execution/errors");
const router_1 = require("../router");
async function withClient(ctx, use) {
    let client;
    try {
        const credentials = (await ctx.getCredentials(router_1.CREDENTIAL_TYPE));
        client = (0, settings_1.createKfClient)(credentials);
        return await use(client);
    }
    catch (error) {
        throw (0, errors_1.toNodeError)(ctx.getNode(), error, 0, client?.secrets);
    }
}
function matches(agent, filter) {
    const needle = (filter ?? '').trim().toLowerCase();
    if (!needle)
        return true;
    return `${agent.kf_nick ?? ''}\n${agent.kf_account}`.toLowerCase().includes(needle);
}
function item(agent, note = '') {
    const nick = agent.kf_nick ? `${agent.kf_nick} ` : '';
    return { name: `${nick}(${agent.kf_account})${note}`, value: agent.kf_account };
}
function onlineNote(online) {
    if (!online)
        return ' · offline';
    const where = (0, agents_1.onlineStatusName)(online.status).replace(/_/g, ' ');
    return ` · online (${where}), ${online.accepted_case ?? 0} of ${online.auto_accept ?? 0} sessions`;
}
async function searchAccounts(filter) {
    const agents = await withClient(this, async (client) => await client.listAgents());
    return { results: agents.filter((a) => matches(a, filter)).map((a) => item(a)) };
}
async function searchAgents(filter) {
    const [agents, online] = await withClient(this, async (client) => await Promise.all([client.listAgents(), client.listOnlineAgents()]));
    const byAccount = new Map(online.map((o) => [o.kf_account, o]));
    const shown = agents.filter((a) => matches(a, filter));
    const ordered = [...shown.filter((a) => byAccount.has(a.kf_account)), ...shown.filter((a) => !byAccount.has(a.kf_account))];
    return { results: ordered.map((a) => item(a, onlineNote(byAccount.get(a.kf_account)))) };
}
