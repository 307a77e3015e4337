import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { onlineStatusName } from '../client/agents';
import type { KfClient } from '../client/KfClient';
import { createKfClient } from '../client/createClient';
import type { KfAgent, KfOnlineAgent } from '../client/types';
import { officialAccountCredentials } from '../execution/credentials';
import { toNodeError } from '../../shared/execution/errors';
import { n8nTransport } from '../../shared/execution/transport';

async function withClient<T>(ctx: ILoadOptionsFunctions, use: (client: KfClient) => Promise<T>): Promise<T> {
	let client: KfClient | undefined;
	try {
		client = createKfClient(await officialAccountCredentials(ctx), n8nTransport(ctx));
		return await use(client);
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, 0, { secrets: client?.secrets });
	}
}

/** Case-insensitive match of the typed filter against nickname and account. */
function matches(agent: KfAgent, filter?: string): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	if (!needle) return true;
	return `${agent.kf_nick ?? ''}\n${agent.kf_account}`.toLowerCase().includes(needle);
}

function item(agent: KfAgent, note = ''): INodeListSearchItems {
	const nick = agent.kf_nick ? `${agent.kf_nick} ` : '';
	return { name: `${nick}(${agent.kf_account})${note}`, value: agent.kf_account };
}

function onlineNote(online?: KfOnlineAgent): string {
	if (!online) return ' · offline';
	const where = onlineStatusName(online.status).replace(/_/g, ' ');
	return ` · online (${where}), ${online.accepted_case ?? 0} of ${online.auto_accept ?? 0} sessions`;
}

/** "From list" of an account field: every account of the Official Account (getkflist). */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const agents = await withClient(this, async (client) => await client.listAgents());
	return { results: agents.filter((a) => matches(a, filter)).map((a) => item(a)) };
}

/**
 * "From list" of a session's agent: every account, those online first with their load
 * (getonlinekflist), since only an online agent can take a session.
 */
export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const [agents, online] = await withClient(this, async (client) =>
		await Promise.all([client.listAgents(), client.listOnlineAgents()]),
	);
	const byAccount = new Map(online.map((o) => [o.kf_account, o]));
	const shown = agents.filter((a) => matches(a, filter));
	const ordered = [...shown.filter((a) => byAccount.has(a.kf_account)), ...shown.filter((a) => !byAccount.has(a.kf_account))];
	return { results: ordered.map((a) => item(a, onlineNote(byAccount.get(a.kf_account)))) };
}
