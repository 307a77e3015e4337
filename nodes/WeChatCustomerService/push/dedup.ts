import type { PushMessage } from './message';

/** What a push was answered; a repeat gets exactly this again. */
export interface StoredAnswer {
	status: number;
	contentType: string;
	body: string;
}

export const DEDUP_TTL_MS = 10 * 60 * 1000;

/**
 * WeChat retries a push it got no answer to within 5 s, up to three times. A message is the
 * same by MsgId; an event by FromUserName + CreateTime + Event. `scope` separates credentials
 * (by fingerprint, never the secrets themselves) and trigger nodes. One process only.
 */
export function dedupKey(scope: string, m: PushMessage): string {
	const msgId = m.fields.MsgId;
	if (typeof msgId === 'string' && msgId !== '') return `${scope}|m|${msgId}`;
	const event = typeof m.fields.Event === 'string' ? m.fields.Event : '';
	return `${scope}|e|${m.FromUserName}|${m.CreateTime}|${event}`;
}

export class PushDeduplicator {
	private readonly seen = new Map<string, { at: number; answer: StoredAnswer }>();

	constructor(
		readonly ttlMs = DEDUP_TTL_MS,
		readonly maxEntries = 100_000,
		public now: () => number = Date.now,
	) {}

	get(key: string): StoredAnswer | undefined {
		const hit = this.seen.get(key);
		if (!hit) return undefined;
		if (this.now() - hit.at >= this.ttlMs) {
			this.seen.delete(key);
			return undefined;
		}
		return hit.answer;
	}

	remember(key: string, answer: StoredAnswer): void {
		const now = this.now();
		// Entries are in insertion order, so expired ones are at the front.
		for (const [k, v] of this.seen) {
			if (now - v.at < this.ttlMs && this.seen.size < this.maxEntries) break;
			this.seen.delete(k);
		}
		this.seen.set(key, { at: now, answer });
	}

	get size(): number {
		return this.seen.size;
	}

	clear(): void {
		this.seen.clear();
	}
}

/** Shared by every trigger node of the n8n process. */
export const pushDeduplicator = new PushDeduplicator();
