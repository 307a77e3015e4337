import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { WeChatInputError } from '../errors';

const MAX_CONCURRENCY = 20;

/** Options → Concurrency, offered by every per-item operation. */
export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	default: 1,
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
	description:
		'How many items to send to WeChat at the same time (at most 20). Output keeps the input order.',
};

/** Options → Concurrency of the run (read from the first item: one width for all items). */
export function readConcurrency(ctx: IExecuteFunctions): number {
	const raw = ctx.getNodeParameter('options.concurrency', 0, 1) as unknown;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) {
		throw new WeChatInputError('options.concurrency', `must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${JSON.stringify(raw)}`);
	}
	return value;
}
