// Pulling an account's messages after a callback: one pull per account at a time in the process,
// the cursor saved after every page, each msgid emitted once.
import { ExpiringMemory } from '../../shared/push/memory';
import { syncUntilEnd, type KfMessage, type SyncOutcome } from '../client/sync';
import type { WeComClient } from '../client/WeComClient';
import type { WeComTriggerOptions } from './options';

/** What the trigger keeps in the workflow's static data (node scope), which n8n saves after the webhook answers. */
export interface TriggerState {
	/** open_kfid → the next_cursor of the last page pulled. */
	cursors?: Record<string, string>;
	/** Unix seconds of the last activation: `startFrom: now` emits nothing older for an account without a cursor. */
	activatedAt?: number;
}

/** A callback that comes while its account is pulled: that pull goes on (with this token) instead of a second one. */
class AccountPulls {
	private readonly running = new Map<string, { token: string; again: boolean }>();

	/** Runs `pull` until no callback came during it; undefined when a pull of `key` already runs and takes this callback over. */
	async run<T>(key: string, token: string, pull: (token: string) => Promise<T[]>): Promise<T[] | undefined> {
		const current = this.running.get(key);
		if (current) {
			current.token = token || current.token;
			current.again = true;
			return undefined;
		}
		const state = { token, again: false };
		this.running.set(key, state);
		const out: T[] = [];
		try {
			do {
				state.again = false;
				// Not push(...items): a pull of more than about 120,000 messages would exceed the call stack.
				for (const item of await pull(state.token)) out.push(item);
			} while (state.again);
		} finally {
			this.running.delete(key);
		}
		return out;
	}

	get size(): number {
		return this.running.size;
	}
}

export const accountPulls = new AccountPulls();

/** WeCom keeps messages 3 days; a msgid need not be remembered longer. */
const RETENTION_MS = 3 * 24 * 3600 * 1000;

/** Recent msgids per trigger node and account: the second guard after the cursor. */
export const recentMsgIds = new ExpiringMemory<true>(RETENTION_MS, 100_000);

/** The cursors this process wrote for one account: the newest, and those before it. */
interface WrittenCursors {
	latest: string;
	written: string[];
}

/**
 * The cursors this process wrote, per trigger node (`scope|corpId`) and account. n8n saves static
 * data after the webhook answers, so a callback right after a pull may load the cursor before that
 * save: a saved cursor this process wrote earlier (or none) then yields to the newest one written here.
 */
export const writtenCursors = new ExpiringMemory<Record<string, WrittenCursors>>(RETENTION_MS, 10_000);
const WRITTEN_KEPT = 1000;

/** The process-wide key of one trigger node's pulls of one account. */
export function accountKey(nodeKey: string, openKfId: string): string {
	return `${nodeKey}|${openKfId}`;
}

function startCursor(nodeKey: string, openKfId: string, saved: string | undefined): string | undefined {
	const mine = writtenCursors.get(nodeKey)?.[openKfId];
	if (!mine) return saved;
	return saved === undefined || mine.written.includes(saved) ? mine.latest : saved;
}

function noteCursor(nodeKey: string, openKfId: string, cursor: string): void {
	const accounts = writtenCursors.get(nodeKey) ?? {};
	const written = [...(accounts[openKfId]?.written ?? []), cursor].slice(-WRITTEN_KEPT);
	writtenCursors.remember(nodeKey, { ...accounts, [openKfId]: { latest: cursor, written } });
}

function wanted(m: KfMessage, options: WeComTriggerOptions): boolean {
	if (!options.origins.includes(m.origin)) return false;
	return options.messageTypes.includes('*') || options.messageTypes.includes(m.msgtype);
}

export interface AccountPull {
	client: WeComClient;
	openKfId: string;
	/** Process-wide key of the trigger node (`scope|corpId`). */
	nodeKey: string;
	options: WeComTriggerOptions;
	state: TriggerState;
	/** Unix seconds, for an account pulled the first time with `startFrom: now` and no activation recorded. */
	nowSeconds: number;
}

export interface PullResult {
	messages: KfMessage[];
	outcome?: SyncOutcome;
	/** Why the pull stopped early; what was pulled before is still emitted (its cursor is saved). */
	failure?: unknown;
}

/**
 * Pulls one account from its cursor to the end and returns what to emit, in send_time order.
 * A page's cursor is saved before the next page is asked for; an error ends the pull but keeps
 * what came before it.
 */
export async function pullAccount(pull: AccountPull, token: string): Promise<PullResult> {
	const { client, openKfId, nodeKey, options, state } = pull;
	const key = accountKey(nodeKey, openKfId);
	const cursor = startCursor(nodeKey, openKfId, state.cursors?.[openKfId]);
	// An account pulled the first time with `startFrom: now`: nothing older than the activation.
	const since = cursor === undefined && options.startFrom === 'now' ? (state.activatedAt ?? pull.nowSeconds) : undefined;
	const messages: KfMessage[] = [];
	const onPage = (page: { messages: KfMessage[]; nextCursor: string }) => {
		state.cursors = { ...state.cursors, [openKfId]: page.nextCursor };
		noteCursor(nodeKey, openKfId, page.nextCursor);
		for (const m of page.messages) {
			if (since !== undefined && m.send_time < since) continue;
			const id = `${key}|${m.msgid}`;
			if (recentMsgIds.get(id)) continue;
			recentMsgIds.remember(id, true);
			if (wanted(m, options)) messages.push(m);
		}
	};
	const request = { openKfId, cursor, token, voiceFormat: options.voiceFormat };
	try {
		const outcome = await syncUntilEnd(client, request, onPage);
		return { messages: inSendTimeOrder(messages), outcome };
	} catch (failure) {
		return { messages: inSendTimeOrder(messages), failure };
	}
}

/**
 * n8n saves a webhook call's whole static data as the call loaded it, so a call that pulled one
 * account would write back another account's older cursor, saved meanwhile by another call. Each
 * call therefore carries the newest cursor this process wrote for every account it pulled.
 */
export function keepNewestCursors(state: TriggerState, nodeKey: string): void {
	for (const openKfId of Object.keys(writtenCursors.get(nodeKey) ?? {})) {
		const saved = state.cursors?.[openKfId];
		const newest = startCursor(nodeKey, openKfId, saved);
		if (newest !== undefined && newest !== saved) state.cursors = { ...state.cursors, [openKfId]: newest };
	}
}

/** Stable: messages of the same second keep WeCom's order. */
function inSendTimeOrder(messages: KfMessage[]): KfMessage[] {
	return messages.map((m, i) => [m, i] as const).sort((a, b) => a[0].send_time - b[0].send_time || a[1] - b[1]).map(([m]) => m);
}
