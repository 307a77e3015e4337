// The records the sandbox keeps for one WeCom corp's 微信客服, in WeCom's field names.

/** 0 new, 1 with the smart assistant (or the API), 2 in the waiting pool, 3 with a human servicer, 4 ended / not started. */
export type ServiceState = 0 | 1 | 2 | 3 | 4;

export interface KfAccount {
	open_kfid: string;
	name: string;
	avatar: string;
	media_id: string;
	/** Whether this app may manage the account through the API (set in WeCom's admin console). */
	manage_privilege: boolean;
	/** Servicers by userid, and departments added as a whole. */
	servicers: Map<string, ServicerRecord>;
	departments: Set<number>;
}

export interface ServicerRecord {
	userid: string;
	/** 0 receiving, 1 stopped. */
	status: 0 | 1;
	/** When stopped: 0 stopped, 1 temporarily suspended. */
	stop_type: 0 | 1;
}

export interface Customer {
	external_userid: string;
	nickname: string;
	avatar: string;
	/** 0 unknown, 1 male, 2 female. */
	gender: 0 | 1 | 2;
	unionid?: string;
	enter_session_context?: { scene: string; scene_param: string; wechat_channels?: { nickname: string; scene: number } };
}

export interface Session {
	open_kfid: string;
	external_userid: string;
	service_state: ServiceState;
	servicer_userid?: string;
	/** When the customer last wrote (the 48-hour window's start), unix seconds. */
	lastCustomerMessageAt?: number;
	/** Messages sent by send_msg since that customer message (at most 5). */
	sentSinceCustomerMessage: number;
	/** States this session has already been put into (a reply code is given only the first time). */
	visited: Set<ServiceState>;
}

/** One entry of an account's message stream, as sync_msg returns it (plus its position). */
export interface StreamEntry {
	seq: number;
	msgid: string;
	open_kfid: string;
	external_userid?: string;
	send_time: number;
	/** 3 customer, 4 system event, 5 servicer in the WeCom client. */
	origin: 3 | 4 | 5;
	servicer_userid?: string;
	msgtype: string;
	content: Record<string, unknown>;
	/** A voice message's media in silk, when the customer sent voice (voice_format 1). */
	silkMediaId?: string;
}

export interface SentMessage {
	msgid: string;
	open_kfid: string;
	touser: string;
	msgtype: string;
	body: Record<string, unknown>;
	sent_at: number;
	via: 'send_msg' | 'send_msg_on_event';
	code?: string;
	recalled: boolean;
}

export type EventCodeKind = 'welcome' | 'queue' | 'accepted' | 'end';

export interface EventCode {
	code: string;
	kind: EventCodeKind;
	open_kfid: string;
	external_userid: string;
	expiresAt: number;
	used: boolean;
	/** The session state that produced it; the code works only while the session is still in it. */
	state: ServiceState;
	msgtypes: string[];
}

export interface CallbackConfig {
	url: string;
	token: string;
	encodingAESKey: string;
}

export interface KnowledgeGroup {
	group_id: string;
	name: string;
	is_default: 0 | 1;
}

export interface KnowledgeIntent {
	intent_id: string;
	group_id: string;
	question: { text: { content: string } };
	similar_questions: { items: { text: { content: string } }[] };
	answers: { text: { content: string }; attachments: Record<string, unknown>[] }[];
}

export interface WeComMedia {
	media_id: string;
	type: 'image' | 'voice' | 'video' | 'file';
	bytes: Buffer;
	mimeType: string;
	fileName: string;
	created_at: number;
}
