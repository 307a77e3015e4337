import { ZonedFormatter, parseIsoInZone } from '../../../nodes/shared/zonedTime';
import { T0 } from '../../helpers/recordQueries';

describe('zoned time', () => {
	it('reads wall time in the zone, or an explicit offset as given', () => {
		expect(parseIsoInZone('2024-03-01T00:00:00', 'Asia/Shanghai')).toBe(T0);
		expect(parseIsoInZone('2024-03-01 00:00', 'Asia/Shanghai')).toBe(T0);
		expect(parseIsoInZone('2024-03-01', 'UTC')).toBe(T0 + 8 * 3600);
		expect(parseIsoInZone('2024-03-01T00:00:00.000+08:00', 'America/New_York')).toBe(T0);
		expect(parseIsoInZone('2024-02-29T16:00:00Z', 'Asia/Tokyo')).toBe(T0);
		expect(parseIsoInZone('2024-03-01T00:00:00', 'America/New_York')).toBe(T0 + 13 * 3600);
		// New York summer time: UTC-4.
		expect(parseIsoInZone('2024-07-01T00:00:00', 'America/New_York')).toBe(Date.UTC(2024, 6, 1, 4) / 1000);
		expect(parseIsoInZone('2024-02-30T00:00:00', 'UTC')).toBeUndefined();
		expect(parseIsoInZone('yesterday', 'UTC')).toBeUndefined();
	});

	it('formats ISO 8601 with the offset in force at that instant', () => {
		const ny = new ZonedFormatter('America/New_York');
		expect(ny.iso(Date.UTC(2024, 2, 10, 6, 59, 59) / 1000)).toBe('2024-03-10T01:59:59-05:00');
		expect(ny.iso(Date.UTC(2024, 2, 10, 7, 0, 0) / 1000)).toBe('2024-03-10T03:00:00-04:00');
		expect(new ZonedFormatter('Asia/Shanghai').iso(T0)).toBe('2024-03-01T00:00:00+08:00');
		expect(new ZonedFormatter('Asia/Kolkata').iso(T0)).toBe('2024-02-29T21:30:00+05:30');
		expect(new ZonedFormatter('UTC').iso(T0)).toBe('2024-02-29T16:00:00+00:00');
	});
});
