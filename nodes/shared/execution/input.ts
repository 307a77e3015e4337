import type { IGetNodeParameterOptions } from 'n8n-workflow';

import { WeChatInputError } from '../errors';

/**
 * What the readers use of a context: the action node's, or a trigger's read as item 0 (its
 * parameters have no item), so that both nodes read parameters alike.
 */
export interface ParameterSource {
	getNodeParameter(name: string, itemIndex: number, fallback?: unknown, options?: IGetNodeParameterOptions): unknown;
}

/**
 * A bad field, raised before any request. The router turns it into n8n's error with the
 * field's label and the item (toNodeError), like every other field problem.
 */
export function inputError(field: string, problem: string): WeChatInputError {
	return new WeChatInputError(field, problem);
}

/** Reads a number parameter; text that is not a number is an error that quotes what was typed. */
export function numberParam(ctx: ParameterSource, itemIndex: number, name: string, fallback: number): number {
	const raw = ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	if (raw === undefined || raw === null || raw === '') return fallback;
	const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
	if (!Number.isFinite(value)) throw inputError(name, `must be a number, got ${JSON.stringify(raw)}`);
	return value;
}

/**
 * Reads a boolean parameter as n8n's toggles mean it: only the other value (`true` when the
 * fallback is false) changes it, so an expression that gives anything else keeps the default.
 */
export function booleanParam(ctx: ParameterSource, itemIndex: number, name: string, fallback: boolean): boolean {
	const raw = ctx.getNodeParameter(name, itemIndex, fallback);
	return fallback ? raw !== false : raw === true;
}

/** Reads a string parameter, trimmed; empty is an error unless `optional`. */
export function stringParam(
	ctx: ParameterSource,
	itemIndex: number,
	name: string,
	options: { optional?: boolean; trim?: boolean; extractValue?: boolean } = {},
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: options.extractValue }) as unknown;
	if (raw !== null && raw !== undefined && typeof raw !== 'string' && typeof raw !== 'number') {
		throw inputError(name, `must be text, got ${typeof raw}`);
	}
	const value = raw === null || raw === undefined ? '' : String(raw);
	const result = options.trim === false ? value : value.trim();
	if (!result && !options.optional) throw inputError(name, 'is required but empty');
	return result;
}

/**
 * Reads an options parameter; an expression can give anything, so a value not among `allowed` is an error
 * naming what is allowed (`expected`, by default "one of a, b, c").
 */
export function optionParam<T extends string>(
	ctx: ParameterSource,
	itemIndex: number,
	name: string,
	allowed: readonly T[],
	fallback: T,
	expected = `one of ${allowed.join(', ')}`,
): T {
	return allowedOption(name, ctx.getNodeParameter(name, itemIndex, fallback), allowed, expected);
}

function allowedOption<T extends string>(
	name: string,
	raw: unknown,
	allowed: readonly T[],
	expected: string,
): T {
	if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) {
		throw inputError(name, `must be ${expected}, got "${String(raw)}"`);
	}
	return raw as T;
}

/** Reads a multi-options parameter: every value must be among `allowed`, as for `optionParam`. */
export function optionListParam<T extends string>(
	ctx: ParameterSource,
	itemIndex: number,
	name: string,
	allowed: readonly T[],
	fallback: T[],
	expected = `one of ${allowed.join(', ')}`,
): T[] {
	const raw = ctx.getNodeParameter(name, itemIndex, fallback);
	if (!Array.isArray(raw)) throw inputError(name, `must be a list, got "${String(raw)}"`);
	return raw.map((value) => allowedOption(name, value, allowed, expected));
}
