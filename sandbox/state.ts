import type { SandboxClock } from './clock';
import { Conversations } from './conversations';
import { MediaStore } from './media';
import { RecordStore } from './records';
import { WeComState } from './wecom/state';

export interface SandboxApp {
	appId: string;
	secret: string;
	/** 40243: the AppSecret is frozen. */
	secretFrozen: boolean;
	/** When set, token requests are refused with 40164 and this IP in the message. */
	ipNotWhitelisted?: string;
	/** 65400: the new customer service is not enabled. */
	kfDisabled: boolean;
}

export interface IssuedToken {
	token: string;
	appId: string;
	kind: 'classic' | 'stable';
	issuedAt: number;
	expiresAt: number;
	/** Set when superseded: the token stops working at this time (the 5-minute overlap). */
	revokedAt?: number;
}

export interface AgentRecord {
	kf_account: string;
	kf_nick: string;
	kf_id: string;
	kf_headimgurl: string;
	kf_wx?: string;
	invite_wx?: string;
	invite_expire_time?: number;
	invite_status?: 'waiting' | 'rejected' | 'expired';
}

export interface OnlineStatus {
	/** 1 PC, 2 mobile, 3 both. */
	status: number;
	auto_accept: number;
	accepted_case: number;
}

export const CLASSIC_DAILY_QUOTA = 2000;
export const MAX_AGENTS = 100;
export const INVITE_LIFETIME_SECONDS = 7 * 86400;
export const STABLE_FORCE_DAILY_QUOTA = 20;
export const TOKEN_LIFETIME = 7200;
export const CLASSIC_OVERLAP_SECONDS = 300;

/** Everything the sandbox remembers. Later features add their own fields here. */
export class SandboxState {
	apps = new Map<string, SandboxApp>();
	tokens = new Map<string, IssuedToken>();
	/** Token fetches per app and day (YYYY-MM-DD in China time) and kind. */
	tokenFetches = new Map<string, number>();
	lastForceRefreshAt = new Map<string, number>();
	agents: AgentRecord[] = [];
	online = new Map<string, OnlineStatus>();
	/** Customers, sessions, the waiting queue, messages sent (session and message routes). */
	conversations = new Conversations();
	/** Chat records (getmsglist / getrecord), sorted by time. */
	records = new RecordStore();
	/** The Official Account's WeChat ID, the suffix of every kf_account. */
	officialAccountId = 'sandbox_oa';
	/** Avatar bytes by sandbox path (`/mmhead/<kf_id>/<size>`), served as image/jpeg. */
	avatarFiles = new Map<string, Buffer>();
	/** Temporary media (media/upload, media/get) by media_id. */
	media = new MediaStore();
	/** kf accounts per Official Account (65405 beyond). */
	maxAgents = MAX_AGENTS;
	/** WeChat IDs already bound to too many kf accounts elsewhere (inviteworker → 65410). */
	overboundWorkers = new Set<string>();
	private tokenCounter = 0;

	/** 微信客服 on WeCom: corps, their tokens and everything their kf API keeps. */
	readonly wecom: WeComState;

	constructor(readonly clock: SandboxClock) {
		this.wecom = new WeComState(clock);
	}

	addApp(appId: string, secret: string): SandboxApp {
		const app: SandboxApp = { appId, secret, secretFrozen: false, kfDisabled: false };
		this.apps.set(appId, app);
		return app;
	}

	newTokenString(kind: 'classic' | 'stable'): string {
		this.tokenCounter += 1;
		const noise = Math.random().toString(36).slice(2, 12);
		return `${kind === 'stable' ? 'STABLE' : 'CLASSIC'}_${this.tokenCounter}_${noise}_${'x'.repeat(24)}`;
	}

	/** Calendar day in China time, for daily quotas. */
	chinaDay(unixSeconds = this.clock.now()): string {
		return new Date((unixSeconds + 8 * 3600) * 1000).toISOString().slice(0, 10);
	}

	countFetch(appId: string, kind: string): number {
		const key = `${appId}|${kind}|${this.chinaDay()}`;
		const count = (this.tokenFetches.get(key) ?? 0) + 1;
		this.tokenFetches.set(key, count);
		return count;
	}

	/** Pending invitations whose time ran out become `expired` (as getkflist shows them). */
	expireInvites(now = this.clock.now()): void {
		for (const a of this.agents) {
			if (a.invite_status === 'waiting' && (a.invite_expire_time ?? 0) <= now) a.invite_status = 'expired';
		}
	}

	/** What the invited WeChat user does in the app: accept binds them, reject marks it rejected. */
	answerInvite(kfAccount: string, answer: 'accept' | 'reject'): void {
		const agent = this.agents.find((a) => a.kf_account === kfAccount);
		if (!agent?.invite_wx || agent.invite_status !== 'waiting') throw new Error(`no waiting invitation for ${kfAccount}`);
		if (answer === 'reject') {
			agent.invite_status = 'rejected';
			return;
		}
		agent.kf_wx = agent.invite_wx;
		delete agent.invite_wx;
		delete agent.invite_expire_time;
		delete agent.invite_status;
	}

	fetchesToday(appId: string, kind: string): number {
		return this.tokenFetches.get(`${appId}|${kind}|${this.chinaDay()}`) ?? 0;
	}
}
