import { ZonedFormatter } from '../../../nodes/shared/zonedTime';

/** An independent reading of the same instant: Intl's wall time, offset = wall − instant. */
const intl = new Map<string, Intl.DateTimeFormat>();

function reference(unix: number, timeZone: string): string {
	const parts: Record<string, string> = {};
	const f = intl.get(timeZone) ?? new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	});
	intl.set(timeZone, f);
	for (const p of f.formatToParts(new Date(unix * 1000))) parts[p.type] = p.value;
	const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) / 1000;
	const minutes = Math.round((wall - unix) / 60);
	const abs = Math.abs(minutes);
	const pad = (n: number) => String(n).padStart(2, '0');
	const offset = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

describe('ZonedFormatter caches (per day offset, per minute text, per second result)', () => {
	// Days with a DST change (New York, London, Lord Howe's 30-minute shift) and without.
	const cases: Array<[string, number]> = [
		['America/New_York', Date.UTC(2024, 2, 9, 12) / 1000],
		['America/New_York', Date.UTC(2024, 10, 2, 12) / 1000],
		['Europe/London', Date.UTC(2024, 2, 30, 12) / 1000],
		['Australia/Lord_Howe', Date.UTC(2024, 3, 6, 0) / 1000],
		['Asia/Kolkata', Date.UTC(2024, 2, 1) / 1000],
		['Asia/Shanghai', Date.UTC(2024, 1, 28, 16) / 1000],
	];

	it.each(cases)('matches Intl second by second in time order, and out of order, around %s %d', (zone, from) => {
		const f = new ZonedFormatter(zone);
		const got: string[] = [];
		const want: string[] = [];
		// 48 h in time order with repeats, as chat records come.
		for (let t = from; t < from + 2 * 86400; t += 37) {
			for (const u of [t, t, t + 1]) {
				got.push(f.iso(u));
				want.push(reference(u, zone));
			}
		}
		// And jumping back and forth across the range.
		for (let k = 0; k < 2000; k++) {
			const u = from + ((k * 7919 * 61) % (2 * 86400));
			got.push(f.iso(u));
			want.push(reference(u, zone));
		}
		expect(got).toEqual(want);
	});
});
