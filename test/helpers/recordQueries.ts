import type { RecordQuery } from '../../nodes/WeChatCustomerService/client/records';
import { n8nHelperTransport } from './transport';
import { createKfClient } from '../../nodes/WeChatCustomerService/client/createClient';
import type { KfRecord } from '../../nodes/WeChatCustomerService/client/types';
import type { NewRecord } from '../../sandbox/records';
import { CREDENTIAL_TYPE, sandboxCredential, type useSandbox } from './sandbox';

/** 2024-03-01 00:00:00 in China time. */
export const T0 = 1709222400;
export const DAY = 86400;

/** A query for the first day from T0 through getmsglist, with `overrides`. */
export function recordQuery(overrides: Partial<RecordQuery> = {}): RecordQuery {
	return { startTime: T0, endTime: T0 + DAY - 1, api: 'msgList', pageSize: 10000, ...overrides };
}

/** Client-level helpers bound to one test file's sandbox. */
export function recordTools(ctx: ReturnType<typeof useSandbox>) {
	const client = () => createKfClient(sandboxCredential(ctx.sb)[CREDENTIAL_TYPE] as never, n8nHelperTransport());
	return {
		client,
		async collect(q: RecordQuery): Promise<KfRecord[]> {
			const out: KfRecord[] = [];
			for await (const page of client().iterateRecordPages(q)) out.push(...page);
			return out;
		},
		seed(times: number[], openidOf: (i: number) => string = () => 'o_cust'): NewRecord[] {
			const records = times.map((time, i) => ({ time, worker: 'alice@sandbox_oa', openid: openidOf(i), opercode: 2002, text: `r${i}` }));
			ctx.sb.state.records.add(records);
			return records;
		},
		/** The bodies the sandbox received on one path, in order. */
		bodies(path: string) {
			return ctx.sb.requestsTo(path).map((r) => r.json);
		},
	};
}
