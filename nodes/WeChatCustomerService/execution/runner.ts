import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { OperationResult } from './types';

/**
 * Runs `task` for every index with at most `concurrency` in flight and returns results in
 * input order. On the first failure no new task starts; the earliest failing index's error
 * is thrown once the tasks in flight have settled.
 */
export async function mapWithConcurrency<T>(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	const failures = new Map<number, unknown>();
	let next = 0;
	const worker = async () => {
		while (next < count && failures.size === 0) {
			const index = next++;
			try {
				results[index] = await task(index);
			} catch (error) {
				failures.set(index, error);
			}
		}
	};
	const width = Math.max(1, Math.min(concurrency, count));
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
