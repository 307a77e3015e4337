// Session control (reference §1 rows 8–12, §1.1 "Session helpers in C4"). Knows nothing of n8n.
import { WeChatInputError } from './errors';

/** getsession: who serves the customer; kf_account "" and createtime 0 when nobody does. */
export interface KfCustomerSession {
	createtime: number;
	kf_account: string;
	[key: string]: unknown;
}

/** getsessionlist item. */
export interface KfSessionListItem {
	createtime: number;
	openid: string;
	[key: string]: unknown;
}

/** getwaitcase: `count` is the total waiting; the list holds at most the 100 earliest. */
export interface KfWaitCaseList {
	count: number;
	waitcaselist: Array<{ latest_time: number; openid: string; [key: string]: unknown }>;
}

/** Body of kfsession/create and kfsession/close. */
export interface SessionChange {
	kf_account: string;
	openid: string;
	/** Shown to the agent in the kf client; sent only when not empty. */
	text?: string;
}

/**
 * A full kf_account is `prefix@OfficialAccountWeChatID`; a bare prefix is the commonest mistake
 * and WeChat only answers 65401 to it, so it is caught before any request.
 */
export function checkKfAccount(field: string, value: string): string {
	const at = value.indexOf('@');
	if (at <= 0 || at === value.length - 1) {
		throw new WeChatInputError(
			field,
			`must be the full account, prefix@OfficialAccountWeChatID (e.g. alice@gh_1234), got "${value}"`,
		);
	}
	return value;
}

export function sessionChangeBody(change: SessionChange): Record<string, string> {
	const body: Record<string, string> = { kf_account: change.kf_account, openid: change.openid };
	if (change.text) body.text = change.text;
	return body;
}

/** The seed's `Get`: the requested openid is copied into the result. */
export function customerSessionItem(openid: string, session: KfCustomerSession) {
	return { openid, kf_account: session.kf_account ?? '', createtime: session.createtime ?? 0 };
}

/** The seed's `List`: kf_account is stamped into every session of that agent. */
export function agentSessionItems(kfAccount: string, list: KfSessionListItem[]) {
	return list.map((s) => ({ kf_account: kfAccount, openid: s.openid, createtime: s.createtime }));
}

/** One item per waiting customer, each carrying the total WeChat reports. */
export function waitCaseItems(res: KfWaitCaseList) {
	const list = res.waitcaselist ?? [];
	const count = typeof res.count === 'number' ? res.count : list.length;
	return list.map((w) => ({ openid: w.openid, latest_time: w.latest_time, count }));
}
