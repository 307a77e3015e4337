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
