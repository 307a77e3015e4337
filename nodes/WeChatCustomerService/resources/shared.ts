import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { stringParam } from '../actions/input';
import { validateKfAccount } from '../client/accounts';

export const MAX_CONCURRENCY = 20;

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

/** The "Options" collection of an operation: `extra` options plus Concurrency. */
export function optionsCollection(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...extra, concurrencyOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Reads and checks the `kfAccount` parameter (prefix@OfficialAccountWeChatID) of item `itemIndex`. */
export function readKfAccount(ctx: IExecuteFunctions, itemIndex: number, optional = false): string {
	const value = stringParam(ctx, itemIndex, 'kfAccount', { optional });
	return value ? validateKfAccount(value, 'kfAccount') : value;
}
