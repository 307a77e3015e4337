import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ZonedFormatter, isValidTimeZone } from '../zonedTime';
import { concurrencyOption } from './concurrency';
import { booleanParam, inputError, numberParam } from './input';

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

/** Formats unix times in the workflow's time zone (Settings → Timezone, else n8n's GENERIC_TIMEZONE). */
export function workflowTimeFormatter(ctx: Pick<IExecuteFunctions, 'getTimezone'>): ZonedFormatter {
	const timeZone = ctx.getTimezone();
	if (!isValidTimeZone(timeZone)) {
		throw inputError('timezone', `(the workflow's time zone) "${timeZone}" is not a known time zone`);
	}
	return new ZonedFormatter(timeZone);
}

/** Return All, and Limit when not all: n8n's pair for a list that WeCom or WeChat pages. */
export function returnAllProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** How many results item `itemIndex` wants: undefined for all, else a whole number ≥ 1. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (booleanParam(ctx, itemIndex, 'returnAll', false)) return undefined;
	const limit = numberParam(ctx, itemIndex, 'limit', 50);
	if (!Number.isInteger(limit) || limit < 1) throw inputError('limit', `must be a whole number of at least 1, got ${limit}`);
	return limit;
}
