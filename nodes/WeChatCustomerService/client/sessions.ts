// Session control: kfsession create, close, get, getsessionlist, getwaitcase. Knows nothing of n8n.

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

export function sessionChangeBody(change: SessionChange): Record<string, string> {
	const body: Record<string, string> = { kf_account: change.kf_account, openid: change.openid };
	if (change.text) body.text = change.text;
	return body;
}

/** Like the Go mp/dkf package's `Get`: the requested openid is copied into the result. */
export function customerSessionItem(openid: string, session: KfCustomerSession) {
	return { openid, kf_account: session.kf_account ?? '', createtime: session.createtime ?? 0 };
}

/** Like the Go mp/dkf package's `List`: kf_account is stamped into every session of that agent. */
export function agentSessionItems(kfAccount: string, list: KfSessionListItem[]) {
	return list.map((s) => ({ kf_account: kfAccount, openid: s.openid, createtime: s.createtime }));
}

/** One item per waiting customer, each carrying the total WeChat reports. */
export function waitCaseItems(res: KfWaitCaseList) {
	const list = res.waitcaselist ?? [];
	const count = typeof res.count === 'number' ? res.count : list.length;
	return list.map((w) => ({ openid: w.openid, latest_time: w.latest_time, count }));
}
