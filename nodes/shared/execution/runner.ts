import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { errorItemJson, inOperationWords, toNodeError } from './errors';

import type { OperationDefinition, OperationResult } from './operations';
import type { RefusalWords } from '../errors';

/**
 * Runs `task` for every index with at most `concurrency` in flight and returns results in
 * input order. On the first failure no new task starts; the earliest failing index's error
 * is thrown once the tasks in flight have settled.
 */
async function mapWithConcurrency<T>(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	const failures = new Map<number, unknown>();
	const width = Math.max(1, Math.min(concurrency, count));
	let next = 0;
	const worker = async () => {
		while (next < count && failures.size === 0) {
			const index = next++;
			try {
				results[index] = await task(index);
			} catch (error) {
				failures.set(index, error);
			}
			// One turn of the event loop before the next item. n8n's request helper opens a new
			// connection per request, and the request is written only on a later turn, when the
			// connection is open: without this turn the workers' next items (expressions, request
			// set-up) run back to back first, the requests leave together, come back together, and
			// queue again on every round. The other executions of the n8n process run in it too.
			if (width > 1) await sleep(0);
		}
	};
	await Promise.all(Array.from({ length: width }, worker));
	if (failures.size) throw failures.get(Math.min(...failures.keys()));
	return results;
}

function isExecutionData(value: unknown): value is INodeExecutionData {
	return typeof value === 'object' && value !== null && 'json' in value && typeof (value as { json: unknown }).json === 'object';
}

/**
 * Wraps an operation's result as output items paired with input item `itemIndex`. The items of
 * one input share one pairedItem object: n8n only reads it, and a list of a million records
 * then costs a million fewer objects.
 */
export function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list: unknown[] = Array.isArray(result) ? result : [result];
	const pairedItem = { item: itemIndex };
	const items = new Array<INodeExecutionData>(list.length);
	for (let i = 0; i < list.length; i++) {
		const entry = list[i];
		items[i] = isExecutionData(entry) ? { ...entry, pairedItem } : { json: entry as IDataObject, pairedItem };
	}
	return items;
}

/**
 * Runs `operation` for every input item, at most `concurrency` at a time: its items paired with
 * their input, or with `continueOnFail` an error item in its place.
 */
export async function runPerItem<Client extends { readonly secrets: string[] }>(
	ctx: IExecuteFunctions,
	run: {
		operation: OperationDefinition<Client>;
		client: Client;
		concurrency: number;
		properties: readonly INodeProperties[];
		/** The node's words for errcodes whose advice names its operations. */
		refusals?: Readonly<Record<number, RefusalWords>>;
	},
): Promise<INodeExecutionData[][]> {
	const { operation, client, concurrency, properties, refusals } = run;
	const continueOnFail = ctx.continueOnFail();
	const perItem = await mapWithConcurrency(ctx.getInputData().length, concurrency, async (itemIndex) => {
		try {
			return toItems(await operation.execute.call(ctx, { itemIndex, client }), itemIndex);
		} catch (error) {
			const nodeError = toNodeError(ctx.getNode(), inOperationWords(error, operation, refusals), itemIndex, { secrets: client.secrets, properties });
			if (!continueOnFail) throw nodeError;
			return [{ json: errorItemJson(nodeError), pairedItem: { item: itemIndex } }];
		}
	});
	// One input item (the usual case for a list): its array as is; flat() copies element by element.
	return [perItem.length === 1 ? perItem[0] : perItem.flat()];
}
