import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/execution/input';
import { workflowTimeFormatter } from '../../../shared/execution/parameters';
import { parseIsoInZone } from '../../../shared/zonedTime';
import { chinaDayOf, checkStatisticRange, type DayNumber } from '../../client/statistics';

export const dateRangeProperties: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'First day to include. WeCom counts China-time days (00:00–24:00 UTC+8); the date is read in the workflow’s time zone. Yesterday back to 180 days ago; ranges longer than 31 days are split into several calls.',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'Last day to include; empty means yesterday (China time). It must be before today: WeCom has a day’s figures from the next day.',
	},
];

/** The text of a date parameter: the editor's ISO string, an expression's Luxon DateTime or Date. */
function dateTextOf(raw: unknown): string | undefined {
	if (typeof raw === 'string') return raw;
	if (typeof raw === 'object' && raw !== null) {
		const value = raw as { toISO?: () => string; toISOString?: () => string };
		if (typeof value.toISO === 'function') return value.toISO();
		if (typeof value.toISOString === 'function') return value.toISOString();
	}
	return undefined;
}

/** The calendar day a date parameter names in the workflow's time zone; undefined when empty. */
function readDay(ctx: IExecuteFunctions, itemIndex: number, name: string, timeZone: string, iso: (unix: number) => string): DayNumber | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = dateTextOf(raw);
	const unix = text === undefined ? undefined : parseIsoInZone(text, timeZone);
	if (unix === undefined) throw inputError(name, `is not a valid date, got ${JSON.stringify(String(raw))} (use e.g. 2026-12-01)`);
	const local = iso(unix);
	return Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10))) / 86400000;
}

/** The range of item `itemIndex` as days, checked against what WeCom can answer (before any request). */
export function readStatisticDays(ctx: IExecuteFunctions, itemIndex: number): { firstDay: DayNumber; lastDay: DayNumber } {
	const zone = workflowTimeFormatter(ctx);
	const iso = (unix: number) => zone.iso(unix);
	const today = chinaDayOf(Math.floor(Date.now() / 1000));
	const firstDay = readDay(ctx, itemIndex, 'startDate', zone.timeZone, iso);
	if (firstDay === undefined) throw inputError('startDate', 'is required but empty');
	const lastDay = readDay(ctx, itemIndex, 'endDate', zone.timeZone, iso) ?? today - 1;
	checkStatisticRange({ firstDay, lastDay }, today);
	return { firstDay, lastDay };
}
