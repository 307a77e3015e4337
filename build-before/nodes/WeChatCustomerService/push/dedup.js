"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pushDeduplicator = exports.PushDeduplicator = exports.DEDUP_TTL_MS = void 0;
exports.dedupKey = dedupKey;
exports.DEDUP_TTL_MS = 10 * 60 * 1000;
function dedupKey(scope, m) {
    const msgId = m.fields.MsgId;
    if (typeof msgId === 'string' && msgId !== '')
        return `${scope}|m|${msgId}`;
    const event = typeof m.fields.Event === 'string' ? m.fields.Event : '';
    return `${scope}|e|${m.FromUserName}|${m.CreateTime}|${event}`;
}
class PushDeduplicator {
    ttlMs;
    maxEntries;
    now;
    seen = new Map();
    constructor(ttlMs = exports.DEDUP_TTL_MS, maxEntries = 100_000, now = Date.now) {
        this.ttlMs = ttlMs;
        this.maxEntries = maxEntries;
        this.now = now;
    }
    get(key) {
        const hit = this.seen.get(key);
        if (!hit)
            return undefined;
        if (this.now() - hit.at >= this.ttlMs) {
            this.seen.delete(key);
            return undefined;
        }
        return hit.answer;
    }
    remember(key, answer) {
        const now = this.now();
        for (const [k, v] of this.seen) {
            if (now - v.at < this.ttlMs && this.seen.size < this.maxEntries)
                break;
            this.seen.delete(k);
        }
        this.seen.set(key, { at: now, answer });
    }
    get size() {
        return this.seen.size;
    }
    clear() {
        this.seen.clear();
    }
}
exports.PushDeduplicator = PushDeduplicator;
exports.pushDeduplicator = new PushDeduplicator();
