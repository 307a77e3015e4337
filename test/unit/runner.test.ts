import { toItems } from '../../nodes/shared/execution/runner';

describe('toItems', () => {
	it('wraps plain results paired with the input item, one shared pairedItem per input', () => {
		const items = toItems([{ a: 1 }, { a: 2 }], 3);
		expect(items).toEqual([
			{ json: { a: 1 }, pairedItem: { item: 3 } },
			{ json: { a: 2 }, pairedItem: { item: 3 } },
		]);
		expect(items[0].pairedItem).toBe(items[1].pairedItem);
		expect(toItems({ b: 1 }, 0)).toEqual([{ json: { b: 1 }, pairedItem: { item: 0 } }]);
	});

	it('re-pairs full items (binary kept)', () => {
		const binary = { data: { data: 'x', mimeType: 'text/plain' } };
		expect(toItems([{ json: { c: 1 }, binary }], 1)).toEqual([{ json: { c: 1 }, binary, pairedItem: { item: 1 } }]);
		expect(toItems([{ json: { d: 1 }, pairedItem: { item: 9 } }], 2)).toEqual([{ json: { d: 1 }, pairedItem: { item: 2 } }]);
	});
});
