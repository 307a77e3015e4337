// Unix seconds ↔ wall-clock time in an IANA time zone, with Intl only (no date library at runtime).

interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

export function isValidTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** Seconds east of UTC that `timeZone` is at the instant `unix`. */
function zoneOffsetSeconds(unix: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const p of formatterFor(timeZone).formatToParts(new Date(unix * 1000))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) / 1000;
	return wall - unix;
}

/**
 * The instant a wall-clock time names in `timeZone`. A time skipped by a DST jump resolves
 * to the instant after the jump; a repeated time to its first occurrence.
 */
function wallTimeToUnix(w: WallTime, timeZone: string): number {
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) / 1000;
	const first = asUtc - zoneOffsetSeconds(asUtc, timeZone);
	const second = asUtc - zoneOffsetSeconds(first, timeZone);
	if (first === second) return first;
	// Two candidates around a transition: prefer the one whose wall time matches, else the earlier.
	const matches = (t: number) => t + zoneOffsetSeconds(t, timeZone) === asUtc;
	if (matches(Math.min(first, second))) return Math.min(first, second);
	if (matches(Math.max(first, second))) return Math.max(first, second);
	return Math.max(first, second);
}

const ISO_LOCAL =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads an ISO 8601 date or date-time (what n8n's dateTime parameter stores, or an expression's
 * ISO string) as unix seconds (fraction dropped). Without an offset it is wall time in `timeZone`.
 * Returns undefined when the text is not such a date.
 */
export function parseIsoInZone(text: string, timeZone: string): number | undefined {
	const m = ISO_LOCAL.exec(text.trim());
	if (!m) return undefined;
	const w: WallTime = {
		year: Number(m[1]),
		month: Number(m[2]),
		day: Number(m[3]),
		hour: Number(m[4] ?? 0),
		minute: Number(m[5] ?? 0),
		second: Number(m[6] ?? 0),
	};
	if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return undefined;
	const probe = new Date(Date.UTC(w.year, w.month - 1, w.day));
	if (probe.getUTCDate() !== w.day) return undefined; // 2024-02-30 and the like
	const zone = m[7];
	if (zone === undefined) return wallTimeToUnix(w, timeZone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) / 1000;
	if (zone.toUpperCase() === 'Z') return asUtc;
	const digits = zone.replace(':', '');
	const sign = digits[0] === '-' ? -1 : 1;
	const offset = sign * (Number(digits.slice(1, 3)) * 3600 + Number(digits.slice(3, 5)) * 60);
	return asUtc - offset;
}

function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

/** "00:00" … "23:59", by minute of the day. */
const HOURS_MINUTES: readonly string[] = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);

/**
 * Formats unix seconds as ISO 8601 with the zone's offset (2024-05-01T09:00:00+08:00). Offsets
 * are cached per day (see offsetAt); the date text is built once per local day and the text up
 * to the minute once per minute, from tables: a record in the same minute as the previous one
 * costs one concatenation with a prebuilt ":ss+hh:mm" tail, one in the same second none
 * (chat records come in time order).
 */
export class ZonedFormatter {
	private readonly offsets = new Map<number, number>();
	/** Per UTC day: its one offset, or null when it changes that day. */
	private readonly dayOffsets = new Map<number, number | null>();
	private readonly tails = new Map<number, string[]>();
	/** The cached minute: unix seconds [minuteStart, minuteEnd), at most 60 and within one 15-minute slot. */
	private minuteStart = 0;
	private minuteEnd = 0;
	private minutePrefix = '';
	private minuteTails: string[] = [];
	private tailsOffset = NaN;
	/** The cached local day (days since 1970-01-01 in wall time) and its "2024-05-01T". */
	private localDay = NaN;
	private dayPrefix = '';
	private lastUnix = -1;
	private lastIso = '';

	constructor(readonly timeZone: string) {
		formatterFor(timeZone);
	}

	/**
	 * The offset at `unix`. Zones change offset on 15-minute boundaries, at most once a day: a UTC
	 * day with the same offset at both ends is cached whole (two Intl calls a day), any other
	 * day per 15-minute slot.
	 */
	offsetAt(unix: number): number {
		const day = Math.floor(unix / 86400);
		let offset = this.dayOffsets.get(day);
		if (offset === undefined) {
			const atStart = zoneOffsetSeconds(day * 86400, this.timeZone);
			offset = atStart === zoneOffsetSeconds(day * 86400 + 86399, this.timeZone) ? atStart : null;
			this.dayOffsets.set(day, offset);
		}
		if (offset !== null) return offset;
		const slot = Math.floor(unix / 900);
		let slotOffset = this.offsets.get(slot);
		if (slotOffset === undefined) {
			slotOffset = zoneOffsetSeconds(slot * 900, this.timeZone);
			this.offsets.set(slot, slotOffset);
		}
		return slotOffset;
	}

	iso(unix: number): string {
		if (unix === this.lastUnix) return this.lastIso;
		if (!(unix >= this.minuteStart && unix < this.minuteEnd)) this.enterMinute(unix);
		this.lastUnix = unix;
		this.lastIso = this.minutePrefix + this.minuteTails[unix - this.minuteStart];
		return this.lastIso;
	}

	/** Caches the local minute around `unix` (cut at the 15-minute slot's end, where the offset may change). */
	private enterMinute(unix: number): void {
		const offset = this.offsetAt(unix);
		const local = unix + offset;
		const localMinute = Math.floor(local / 60) * 60;
		this.minuteStart = localMinute - offset;
		this.minuteEnd = Math.min(this.minuteStart + 60, (Math.floor(unix / 900) + 1) * 900);
		const localDay = Math.floor(localMinute / 86400);
		if (localDay !== this.localDay) {
			// toISOString is UTC, so feed it the local wall time.
			this.localDay = localDay;
			this.dayPrefix = new Date(localDay * 86400_000).toISOString().slice(0, 11);
		}
		this.minutePrefix = this.dayPrefix + HOURS_MINUTES[(localMinute - localDay * 86400) / 60];
		if (offset === this.tailsOffset) return;
		let tails = this.tails.get(offset);
		if (!tails) {
			const abs = Math.abs(Math.round(offset / 60));
			const suffix = `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
			tails = Array.from({ length: 60 }, (_, sec) => `:${pad2(sec)}${suffix}`);
			this.tails.set(offset, tails);
		}
		this.tailsOffset = offset;
		this.minuteTails = tails;
	}
}
