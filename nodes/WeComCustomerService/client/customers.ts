// kf/customer/batchget: customers by external_userid, 100 a call.
import { listIn, type WeChatResult } from '../../shared/client/WeChatClient';
import type { WeComClient } from './WeComClient';
import { WECOM_CALLS } from './calls';

const BATCHGET_PATH = WECOM_CALLS.getCustomers.path;
/** kf/customer/batchget takes 1–100 ids a call. */
export const CUSTOMERS_PER_CALL = 100;

export interface KfCustomer {
	external_userid: string;
	nickname?: string;
	avatar?: string;
	gender?: number;
	unionid?: string;
	enter_session_context?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CustomerLookup {
	customers: KfCustomer[];
	/** The ids WeCom does not know (or not for this company). */
	invalid: string[];
}

/** The customers of `ids`, in calls of 100; with `withContext` each one's enter_session_context. */
export async function getCustomers(client: WeComClient, ids: readonly string[], withContext: boolean): Promise<CustomerLookup> {
	const result: CustomerLookup = { customers: [], invalid: [] };
	for (let start = 0; start < ids.length; start += CUSTOMERS_PER_CALL) {
		const answer = await client.read<WeChatResult & { invalid_external_userid?: unknown }>(BATCHGET_PATH, {
			external_userid_list: ids.slice(start, start + CUSTOMERS_PER_CALL),
			need_enter_session_context: withContext ? 1 : 0,
		});
		result.customers.push(...listIn<KfCustomer>(answer, 'customer_list', BATCHGET_PATH, 'WeCom'));
		if (Array.isArray(answer.invalid_external_userid)) result.invalid.push(...answer.invalid_external_userid.map(String));
	}
	return result;
}
