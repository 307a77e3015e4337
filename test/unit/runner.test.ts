import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../nodes/shared/execution/operations';
import { runPerItem, toItems } from '../../nodes/shared/execution/runner';

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

/** Runs an operation that answers at once for `count` items and notes which items ran before a 0-ms timer fired. */
async function itemsBeforeATimer(count: number, concurrency: number): Promise<number[]> {
	const ran: number[] = [];
	let timerFired = false;
	const beforeTimer: number[] = [];
	const ctx = {
		continueOnFail: () => false,
		getInputData: () => Array.from({ length: count }, () => ({ json: {} })),
		getNode: () => ({ name: 'WeChat', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }),
	} as unknown as IExecuteFunctions;
	const operation = {
		option: { name: 'Test', value: 'test', action: 'Test' },
		properties: [],
		execute: async ({ itemIndex }: { itemIndex: number }) => {
			ran.push(itemIndex);
			if (!timerFired) beforeTimer.push(itemIndex);
			return { itemIndex };
		},
	} as unknown as OperationDefinition<{ secrets: string[] }>;
	setTimeout(() => (timerFired = true), 0);
	const [items] = await runPerItem(ctx, { operation, client: { secrets: [] }, concurrency, properties: [] });
	expect(items.map((item) => item.json.itemIndex)).toEqual(Array.from({ length: count }, (_, n) => n));
	expect(ran).toHaveLength(count);
	return beforeTimer;
}

describe('runPerItem and the event loop', () => {
	// n8n's request helper writes a request only on a later turn, once its new connection is open:
	// workers that start their next item at once hold those writes back until every worker is done.
	it('with more than one in flight, lets the event loop turn between a worker’s items', async () => {
		expect(await itemsBeforeATimer(8, 4)).toEqual([0, 1, 2, 3]);
	});

	it('with concurrency 1, runs the items one after another without waiting', async () => {
		expect(await itemsBeforeATimer(8, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
	});
});
