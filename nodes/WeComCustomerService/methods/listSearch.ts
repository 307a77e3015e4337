import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { toNodeError } from '../../shared/execution/errors';
import { n8nTransport } from '../../shared/execution/transport';
import { listAccounts } from '../client/accounts';
import { describeServicer, listServicers } from '../client/servicers';
import { createWeComClient } from '../client/settings';
import type { WeComClient } from '../client/WeComClient';
import { weComCredentials } from '../execution/credentials';

async function withClient<T>(ctx: ILoadOptionsFunctions, use: (client: WeComClient) => Promise<T>): Promise<T> {
	let client: WeComClient | undefined;
	try {
		client = createWeComClient(await weComCredentials(ctx), n8nTransport(ctx));
		return await use(client);
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, 0, { secrets: client?.secrets });
	}
}

/** Case-insensitive match of the typed filter against any of `texts`. */
function matches(filter: string | undefined, ...texts: string[]): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	return !needle || texts.join('\n').toLowerCase().includes(needle);
}

/** "From list" of an account field: every 微信客服 account (kf/account/list), by name. */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const accounts = await withClient(this, async (client) => await listAccounts(client));
	const results: INodeListSearchItems[] = accounts
		.filter((a) => matches(filter, a.name, a.open_kfid))
		.map((a) => ({ name: a.manage_privilege === false ? `${a.name} · not manageable by this app` : a.name, value: a.open_kfid }));
	return { results };
}

/**
 * "From list" of a servicer field: the members serving the node's chosen account
 * (kf/servicer/list), those receiving first, since only they can take a session.
 */
export async function searchServicers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const openKfId = String(this.getCurrentNodeParameter('openKfId', { extractValue: true }) ?? '').trim();
	if (!openKfId) return { results: [] };
	const servicers = await withClient(this, async (client) => await listServicers(client, openKfId));
	const members = servicers
		.filter((s) => s.userid !== undefined && matches(filter, s.userid))
		.map((s) => describeServicer(openKfId, s));
	const receiving = members.filter((m) => m.status === 0);
	const others = members.filter((m) => m.status !== 0);
	const item = (m: Record<string, unknown>): INodeListSearchItems => {
		const why = m.status === 0 ? 'receiving' : `not receiving (${String(m.stop_type_name ?? m.status_name)})`;
		return { name: `${String(m.userid)} · ${why}`, value: String(m.userid) };
	};
	return { results: [...receiving, ...others].map(item) };
}
