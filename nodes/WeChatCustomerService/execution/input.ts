import type { IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import { fieldProblemError } from './errors';

/** A NodeOperationError that names the item and the field, raised before any request. */
export function inputError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
): NodeOperationError {
	return fieldProblemError(ctx.getNode(), itemIndex, field, problem);
}

/** Reads a string parameter, trimmed; empty is an error unless `optional`. */
export function stringParam(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	options: { optional?: boolean; trim?: boolean; extractValue?: boolean } = {},
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: options.extractValue }) as unknown;
	if (raw !== null && raw !== undefined && typeof raw !== 'string' && typeof raw !== 'number') {
		throw inputError(ctx, itemIndex, name, `must be text, got ${typeof raw}`);
	}
	const value = raw === null || raw === undefined ? '' : String(raw);
	const result = options.trim === false ? value : value.trim();
	if (!result && !options.optional) throw inputError(ctx, itemIndex, name, 'is required but empty');
	return result;
}
