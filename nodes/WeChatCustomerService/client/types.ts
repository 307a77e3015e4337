// Shapes of WeChat's kf answers. Fields WeChat may add later pass through untouched.

export interface KfAgent {
	kf_account: string;
	kf_nick: string;
	kf_id: string | number;
	kf_headimgurl?: string;
	kf_wx?: string;
	invite_wx?: string;
	invite_expire_time?: number;
	invite_status?: string;
	[key: string]: unknown;
}

export interface KfOnlineAgent {
	kf_account: string;
	status: number;
	kf_id: string | number;
	auto_accept?: number;
	accepted_case?: number;
	[key: string]: unknown;
}

/** One chat record of getmsglist / getrecord. */
export interface KfRecord {
	worker: string;
	openid: string;
	/** 1000–1005 session events, 2001–2003 messages (see OPERCODE_NAMES in resources/record/recordItem.ts). */
	opercode: number;
	/** Unix seconds. */
	time: number;
	text: string;
	[key: string]: unknown;
}
