import { listIn } from '../../shared/client/WeChatClient';
import type { WeComClient } from './WeComClient';

export interface KfAccount {
	open_kfid: string;
	name: string;
	avatar?: string;
	/** Whether this API app may change the account (else 48002). */
	manage_privilege?: boolean;
	[key: string]: unknown;
}

export const ACCOUNT_LIST_PATH = '/cgi-bin/kf/account/list';
/** kf/account/list answers at most 100 accounts a call. */
export const ACCOUNT_PAGE_SIZE = 100;

/** Every account, page by page (`offset`/`limit`), up to `limit` of them (all when undefined). */
export async function listAccounts(client: WeComClient, limit?: number): Promise<KfAccount[]> {
	const accounts: KfAccount[] = [];
	for (let offset = 0; limit === undefined || accounts.length < limit; offset += ACCOUNT_PAGE_SIZE) {
		const want = limit === undefined ? ACCOUNT_PAGE_SIZE : Math.min(ACCOUNT_PAGE_SIZE, limit - accounts.length);
		const answer = await client.read(ACCOUNT_LIST_PATH, { offset, limit: want });
		const page = listIn<KfAccount>(answer, 'account_list', ACCOUNT_LIST_PATH, 'WeCom');
		accounts.push(...page);
		if (page.length < want) break;
	}
	return accounts;
}
