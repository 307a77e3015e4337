/**
 * A map whose entries expire and whose size is capped, for what the trigger remembers between
 * pushes. It lives in one n8n process. Entries are kept in insertion order, so the oldest go first
 * when the cap is reached; an expired entry is never returned.
 */
export class ExpiringMemory<V> {
	private readonly entries = new Map<string, { expiresAt: number; value: V }>();

	constructor(
		readonly ttlMs: number,
		readonly maxEntries: number,
		public now: () => number = () => Date.now(),
	) {}

	get(key: string): V | undefined {
		const hit = this.entries.get(key);
		if (!hit) return undefined;
		if (this.now() >= hit.expiresAt) {
			this.entries.delete(key);
			return undefined;
		}
		return hit.value;
	}

	/** Keeps `value` until `expiresAt` (Unix ms; by default `ttlMs` from now). */
	remember(key: string, value: V, expiresAt: number = this.now() + this.ttlMs): void {
		const now = this.now();
		for (const [k, v] of this.entries) {
			if (now < v.expiresAt && this.entries.size < this.maxEntries) break;
			this.entries.delete(k);
		}
		this.entries.delete(key);
		this.entries.set(key, { expiresAt, value });
	}

	get size(): number {
		return this.entries.size;
	}

	clear(): void {
		this.entries.clear();
	}
}
