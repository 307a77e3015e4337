import { ExpiringMemory } from '../../shared/push/memory';
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

export class PushDeduplicator extends ExpiringMemory<StoredAnswer> {
	constructor(ttlMs = DEDUP_TTL_MS, maxEntries = 100_000, now: () => number = () => Date.now()) {
		super(ttlMs, maxEntries, now);
	}
}

/** Shared by every trigger node of the n8n process. */
export const pushDeduplicator = new PushDeduplicator();
