import { PushRejected } from '../../../nodes/shared/push/errors';
import { SignedUrlMemory } from '../../../nodes/WeChatCustomerService/push/replay';

const url = (nonce: string) => ({ timestamp: '1767225600', nonce, signature: 'a'.repeat(40) });
const body = (text: string) => Buffer.from(`<xml><Content>${text}</Content></xml>`);

describe('signed-URL memory', () => {
	it('keeps the first body of a signed URL: the same bytes pass, other bytes are refused (401)', () => {
		const m = new SignedUrlMemory(10, () => 0);
		m.check(url('1'), body('real'), 1000);
		expect(() => m.check(url('1'), body('real'), 1000)).not.toThrow();
		expect(() => m.check(url('1'), body('forged'), 1000)).toThrow(
			new PushRejected(401, 'This signed URL was already used with another body'),
		);
		expect(() => m.check(url('2'), body('forged'), 1000)).not.toThrow();
		expect(() => m.check({ ...url('1'), signature: 'b'.repeat(40) }, body('forged'), 1000)).not.toThrow();
		expect(m.size).toBe(3);
	});

	it('forgets a URL at its expiry (the end of its Max Age window), not before', () => {
		let now = 0;
		const m = new SignedUrlMemory(10, () => now);
		m.check(url('1'), body('real'), 301_001);
		now = 301_000;
		expect(() => m.check(url('1'), body('forged'), 301_001)).toThrow(PushRejected);
		now = 301_001;
		expect(() => m.check(url('1'), body('forged'), 602_002)).not.toThrow();
		// without an expiry (Max Age 0) a URL is kept for the dedup window, 10 minutes
		m.check(url('2'), body('real'));
		now += 599_999;
		expect(() => m.check(url('2'), body('forged'))).toThrow(PushRejected);
		now += 1;
		expect(() => m.check(url('2'), body('forged'))).not.toThrow();
	});

	it('holds at most maxEntries, dropping expired ones first, then the oldest', () => {
		let now = 0;
		const m = new SignedUrlMemory(3, () => now);
		m.check(url('1'), body('a'), 100);
		m.check(url('2'), body('a'), 10_000);
		m.check(url('3'), body('a'), 10_000);
		now = 100;
		m.check(url('4'), body('a'), 10_000);
		expect([m.size, m.get('1767225600|1|' + 'a'.repeat(40))]).toEqual([3, undefined]);
		m.check(url('5'), body('a'), 10_000);
		expect(m.size).toBe(3);
		expect(() => m.check(url('2'), body('b'), 10_000)).not.toThrow(); // the oldest went
		expect(() => m.check(url('5'), body('b'), 10_000)).toThrow(PushRejected);
	});
});
