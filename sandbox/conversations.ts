// Customers, sessions, the waiting queue and every customer-service message sent: what the
// session and message routes read and change.

/** 48 hours: customer-service messages are allowed this long after the customer's last message. */
export const SERVICE_WINDOW_SECONDS = 48 * 3600;
/** After a customer's message: 5 kf messages within the window, then 45047. */
export const MESSAGES_PER_CUSTOMER_MESSAGE = 5;
/** getwaitcase lists at most the 100 earliest. */
export const WAITCASE_LIST_MAX = 100;

export interface Customer {
	openid: string;
	nickname: string;
	/** Unix seconds of the customer's last message to the Official Account. */
	lastMessageAt: number;
	/** kf messages sent to them since that message (45047 at the limit). */
	sentSinceLastMessage: number;
}

export interface KfSession {
	openid: string;
	kf_account: string;
	createtime: number;
}

export interface WaitCase {
	openid: string;
	/** Time of the customer's latest message while waiting. */
	latest_time: number;
}

/** A message WeChat accepted: the full body as received, for tests to inspect. */
export interface SentMessage {
	touser: string;
	msgtype: string;
	body: Record<string, unknown>;
	/** `customservice.kf_account`, when the message was sent as an agent. */
	kf_account?: string;
	at: number;
}

export interface TypingState {
	openid: string;
	command: 'Typing' | 'CancelTyping';
	at: number;
}

export class Conversations {
	customers = new Map<string, Customer>();
	/** openid → the session serving that customer. */
	sessions = new Map<string, KfSession>();
	/** In visit order: the longest-waiting customer first. */
	waiting: WaitCase[] = [];
	sent: SentMessage[] = [];
	typing: TypingState[] = [];

	/**
	 * The customer writes to the Official Account: the 48-hour window and the 5-message quota
	 * start again; without a session they join the end of the waiting queue (or, already
	 * waiting, keep their place with a newer latest_time).
	 */
	customerWrites(openid: string, at: number, nickname = openid, options: { waits?: boolean } = {}): Customer {
		const customer = this.customers.get(openid) ?? { openid, nickname, lastMessageAt: at, sentSinceLastMessage: 0 };
		customer.lastMessageAt = at;
		customer.sentSinceLastMessage = 0;
		this.customers.set(openid, customer);
		if (options.waits !== false && !this.sessions.has(openid)) {
			const queued = this.waiting.find((w) => w.openid === openid);
			if (queued) queued.latest_time = at;
			else this.waiting.push({ openid, latest_time: at });
		}
		return customer;
	}

	/** A way to take back what customerWrites does for one customer (a push the trigger refused was no message). */
	remember(openid: string): () => void {
		const customer = this.customers.get(openid);
		const saved = customer && { ...customer };
		const waiting = this.waiting.map((w) => ({ ...w }));
		return () => {
			if (customer && saved) this.customers.set(openid, Object.assign(customer, saved));
			else this.customers.delete(openid);
			this.waiting = waiting;
		};
	}

	/** An agent takes the customer: off the waiting queue, into a session. */
	open(openid: string, kfAccount: string, at: number): KfSession {
		this.waiting = this.waiting.filter((w) => w.openid !== openid);
		const session = { openid, kf_account: kfAccount, createtime: at };
		this.sessions.set(openid, session);
		return session;
	}

	close(openid: string): void {
		this.sessions.delete(openid);
	}

	sessionsOf(kfAccount: string): KfSession[] {
		return [...this.sessions.values()].filter((s) => s.kf_account === kfAccount);
	}

	sentTo(openid: string): SentMessage[] {
		return this.sent.filter((m) => m.touser === openid);
	}
}

/** Demo customers: three waiting (longest first), three in sessions, one outside the 48 hours. */
export const DEMO_CUSTOMERS = [
	{ openid: 'oDemo_LiLei_7fQx2mZk9pW1', nickname: '李雷', minutesAgo: 42, agent: '' },
	{ openid: 'oDemo_HanMeimei_3vNc8aLr', nickname: '韩梅梅', minutesAgo: 27, agent: '' },
	{ openid: 'oDemo_Tom_Lk2pQ9xW4sEd6u', nickname: 'Tom 🐱', minutesAgo: 9, agent: '' },
	{ openid: 'oDemo_WangFang_Yt5rE1qZ8', nickname: '王芳', minutesAgo: 65, agent: 'alice' },
	{ openid: 'oDemo_ZhaoQiang_Pm4kU7bV', nickname: '赵强', minutesAgo: 18, agent: 'alice' },
	{ openid: 'oDemo_Lucy_Hs6dF2jN0cXa9', nickname: 'Lucy', minutesAgo: 33, agent: 'carol' },
	{ openid: 'oDemo_ZhouJie_Qw9eR3tY5u', nickname: '周杰', minutesAgo: 3 * 24 * 60, agent: '' },
] as const;

export function seedDemoConversations(conversations: Conversations, now: number, officialAccountId: string): void {
	for (const c of DEMO_CUSTOMERS) {
		const at = now - c.minutesAgo * 60;
		const stale = now - at > SERVICE_WINDOW_SECONDS;
		conversations.customerWrites(c.openid, at, c.nickname, { waits: !stale && !c.agent });
		if (c.agent) conversations.open(c.openid, `${c.agent}@${officialAccountId}`, at + 60);
	}
}
