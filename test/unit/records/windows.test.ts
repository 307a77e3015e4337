import { WeChatInputError } from '../../../nodes/shared/errors';
import { recordWindows, validateRecordQuery, type RecordQuery } from '../../../nodes/WeChatCustomerService/client/records';
import { operationName } from '../../../nodes/WeChatCustomerService/resources/record/recordItem';
import { DAY, T0, recordQuery } from '../../helpers/recordQueries';

const query = recordQuery;

describe('record windows', () => {
	it('getmsglist: consecutive inclusive 24 h windows [t, t+86399], [t+86400, …], last one cut at the end', () => {
		expect([...recordWindows(T0, T0 + 2 * DAY + 99, 'msgList')]).toEqual([
			{ start: T0, end: T0 + DAY - 1 },
			{ start: T0 + DAY, end: T0 + 2 * DAY - 1 },
			{ start: T0 + 2 * DAY, end: T0 + 2 * DAY + 99 },
		]);
		expect([...recordWindows(T0 + 5, T0 + 5, 'msgList')]).toEqual([{ start: T0 + 5, end: T0 + 5 }]);
	});

	it('legacy: one calendar day in China time per window, wherever the range starts', () => {
		// 2024-03-01 18:00 China time → 2024-03-03 06:00 China time.
		expect([...recordWindows(T0 + 18 * 3600, T0 + 2 * DAY + 6 * 3600, 'legacy')]).toEqual([
			{ start: T0 + 18 * 3600, end: T0 + DAY - 1 },
			{ start: T0 + DAY, end: T0 + 2 * DAY - 1 },
			{ start: T0 + 2 * DAY, end: T0 + 2 * DAY + 6 * 3600 },
		]);
	});

	it('names every opercode the Go mp/dkf package lists, unknown for the rest', () => {
		expect([1000, 1001, 1002, 1004, 1005, 2001, 2002, 2003, 1003, 9999].map(operationName)).toEqual([
			'sessionCreatedUnaccepted',
			'sessionAccepted',
			'sessionInitiated',
			'sessionClosed',
			'sessionGrabbed',
			'accountReceived',
			'agentSent',
			'agentReceived',
			'unknown',
			'unknown',
		]);
	});

	it('is unknown for what is not a listed whole number: strings, fractions, out of range, missing', () => {
		expect(['2002', 2002.5, 999, 0, -1, NaN, null, undefined].map(operationName)).toEqual(Array(8).fill('unknown'));
	});
});

describe('validateRecordQuery', () => {
	const now = T0 + 10 * DAY;
	const problem = (q: Partial<RecordQuery>) => {
		try {
			validateRecordQuery(query(q), now);
			return 'ok';
		} catch (error) {
			expect(error).toBeInstanceOf(WeChatInputError);
			return `${(error as WeChatInputError).field}: ${(error as Error).message}`;
		}
	};

	it('accepts a one-second range (WeChat’s own example sends starttime == endtime)', () => {
		expect(problem({ startTime: T0, endTime: T0 })).toBe('ok');
	});

	it('refuses reversed and future ranges and out-of-range page sizes', () => {
		expect(problem({ startTime: T0 + 1, endTime: T0 })).toBe('startTime: must not be after "End Time"');
		expect(problem({ startTime: now + 1, endTime: now + 2 })).toBe('startTime: is in the future: there are no records yet');
		expect(problem({ pageSize: 10001 })).toBe(
			'pageSize: must be a whole number from 1 to 10000 for the getmsglist API, got 10001',
		);
		expect(problem({ api: 'legacy', pageSize: 51 })).toBe(
			'pageSize: must be a whole number from 1 to 50 for the legacy getrecord API, got 51',
		);
		expect(problem({ pageSize: 0 })).toBe('pageSize: must be a whole number from 1 to 10000 for the getmsglist API, got 0');
		expect(problem({ limit: 0 })).toBe('limit: must be a whole number of at least 1, got 0');
		expect(problem({ api: 'other' as never })).toBe('api: must be "msgList" or "legacy", got "other"');
	});
});
