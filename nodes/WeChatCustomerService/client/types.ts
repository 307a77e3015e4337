// Shapes of WeChat's kf answers (reference §1). Fields WeChat may add later pass through untouched.

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
