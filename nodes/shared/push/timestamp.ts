import { PushRejected } from './errors';

/** Refuses a signed timestamp that is not a number, or further than `maxAgeSeconds` (0 = any) from `nowMs`. */
export function refuseBadTimestamp(timestamp: string, maxAgeSeconds: number, nowMs: number): void {
	if (!/^\d{1,12}$/.test(timestamp)) throw new PushRejected(401, 'The timestamp is missing or not a number');
	if (maxAgeSeconds > 0 && Math.abs(nowMs / 1000 - Number(timestamp)) > maxAgeSeconds) {
		throw new PushRejected(401, `The timestamp is more than ${maxAgeSeconds} seconds away from this server's clock`);
	}
}
