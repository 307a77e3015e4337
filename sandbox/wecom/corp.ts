// One WeCom corp's 微信客服 as the sandbox keeps it: accounts, servicers, customers, sessions, the
// message stream sync_msg reads, what the API sent, event codes, knowledge base, media.
import type { SandboxClock } from '../clock';
import { weComError } from './errors';
import { newId } from './ids';
import type {
	CallbackConfig,
	Customer,
	EventCode,
	KfAccount,
	KnowledgeGroup,
	KnowledgeIntent,
	SentMessage,
	Session,
	StreamEntry,
	WeComMedia,
} from './model';

/** A customer's message opens this window for send_msg; a session without one for as long ends. */
export const SEND_WINDOW_SECONDS = 48 * 3600;
/** send_msg messages per customer message. */
export const SENDS_PER_CUSTOMER_MESSAGE = 5;
/** sync_msg keeps messages this long. */
export const STREAM_RETENTION_SECONDS = 3 * 86400;
/** An unverified corp may have this many kf accounts (95027). */
export const UNVERIFIED_ACCOUNT_LIMIT = 10;

export interface CorpMember {
	userid: string;
	name: string;
	department: number[];
}

export class WeComCorp {
	/** A verified corp; an unverified one may have only 10 kf accounts. */
	verified = true;
	/** 48002 on every kf call (the app is not among 「微信客服 - 可调用接口的应用」). */
	apiForbidden = false;
	/** 60020 on every kf call (the server's IP is not in the app's trusted IPs). */
	ipNotAllowed = false;
	/** Accounts a verified corp may have (95005 beyond). */
	maxAccounts = 5000;
	members = new Map<string, CorpMember>();
	departments = new Set<number>([1]);
	accounts = new Map<string, KfAccount>();
	customers = new Map<string, Customer>();
	sessions = new Map<string, Session>();
	/** Every account's stream in one list, in send order; `seq` grows by one per entry. */
	stream: StreamEntry[] = [];
	sent: SentMessage[] = [];
	codes = new Map<string, EventCode>();
	/** Callback tokens for sync_msg: open_kfid and expiry. */
	syncTokens = new Map<string, { open_kfid: string; expiresAt: number }>();
	/** Times of sync_msg calls without a token (the strict rate limit). */
	tokenlessSyncCalls: number[] = [];
	/** Injected: the next N sync_msg calls for an account answer an empty page with has_more 1. */
	emptyPages = new Map<string, number>();
	/** Injected: a page carries at most this many messages, whatever the limit asked. */
	pageCap?: number;
	groups = new Map<string, KnowledgeGroup>();
	intents = new Map<string, KnowledgeIntent>();
	upgradeConfig = {
		member_range: { userid_list: [] as string[], department_id_list: [] as number[] },
		groupchat_range: { chat_id_list: [] as string[] },
	};
	upgrades = new Map<string, Record<string, unknown>>();
	media = new Map<string, WeComMedia>();
	callback?: CallbackConfig;
	private seq = 0;

	constructor(
		readonly corpId: string,
		public secret: string,
		readonly clock: SandboxClock,
	) {
		const group: KnowledgeGroup = { group_id: newId('', 32), name: '默认分组', is_default: 1 };
		this.groups.set(group.group_id, group);
	}

	addMember(userid: string, name: string, department: number[] = [1]): CorpMember {
		const member = { userid, name, department };
		this.members.set(userid, member);
		for (const d of department) this.departments.add(d);
		return member;
	}

	/** An account of this corp: 95000 when the id is malformed, 95004 when unknown. */
	account(openKfid: unknown): KfAccount {
		if (typeof openKfid !== 'string' || openKfid === '' || Buffer.byteLength(openKfid) > 64) {
			throw weComError(95000, 'open_kfid');
		}
		const account = this.accounts.get(openKfid);
		if (!account) throw weComError(95004);
		return account;
	}

	/** An account this app may manage through the API (48002 otherwise). */
	managedAccount(openKfid: unknown): KfAccount {
		const account = this.account(openKfid);
		if (!account.manage_privilege) throw weComError(48002, 'the account is not managed through the API');
		return account;
	}

	customer(externalUserid: unknown): Customer {
		const customer = typeof externalUserid === 'string' ? this.customers.get(externalUserid) : undefined;
		if (!customer) throw weComError(40096);
		return customer;
	}

	/** The session of a customer with an account; one silent for 48 hours has ended (state 4). */
	session(openKfid: string, externalUserid: string): Session {
		const key = `${openKfid}|${externalUserid}`;
		let session = this.sessions.get(key);
		if (!session) {
			session = { open_kfid: openKfid, external_userid: externalUserid, service_state: 4, sentSinceCustomerMessage: 0, visited: new Set() };
			this.sessions.set(key, session);
		}
		const now = this.clock.now();
		if (session.service_state !== 4 && (session.lastCustomerMessageAt ?? 0) + SEND_WINDOW_SECONDS <= now) {
			this.endSession(session);
		}
		return session;
	}

	endSession(session: Session): void {
		session.service_state = 4;
		delete session.servicer_userid;
		session.visited.clear();
	}

	/** Appends to an account's stream (what sync_msg returns). */
	append(entry: Omit<StreamEntry, 'seq' | 'msgid' | 'send_time'> & { msgid?: string; send_time?: number }): StreamEntry {
		this.seq += 1;
		const full: StreamEntry = { ...entry, seq: this.seq, msgid: entry.msgid ?? newId('', 32), send_time: entry.send_time ?? this.clock.now() };
		this.stream.push(full);
		return full;
	}

	/** The stream of one account still within the 3-day retention, oldest first. */
	retained(openKfid: string): StreamEntry[] {
		const oldest = this.clock.now() - STREAM_RETENTION_SECONDS;
		return this.stream.filter((e) => e.open_kfid === openKfid && e.send_time > oldest);
	}

	newCode(kind: EventCode['kind'], session: Session, lifetimeSeconds: number, msgtypes: string[]): EventCode {
		const code: EventCode = {
			code: newId('', 43),
			kind,
			open_kfid: session.open_kfid,
			external_userid: session.external_userid,
			expiresAt: this.clock.now() + lifetimeSeconds,
			used: false,
			state: session.service_state,
			msgtypes,
		};
		this.codes.set(code.code, code);
		return code;
	}

	/** A media_id of this corp still within its 3 days (40007 otherwise). */
	mediaOf(mediaId: unknown, type?: WeComMedia['type']): WeComMedia {
		const media = typeof mediaId === 'string' ? this.media.get(mediaId) : undefined;
		if (!media || this.clock.now() - media.created_at >= STREAM_RETENTION_SECONDS || (type && media.type !== type)) {
			throw weComError(40007);
		}
		return media;
	}
}
