import { listIn } from '../../shared/client/WeChatClient';
import { WeChatInputError } from '../../shared/errors';
import type { WeComClient } from './WeComClient';
import { WECOM_CALLS } from './calls';

const DAY_SECONDS = 86400;
/** WeCom counts statistics per China-time day (UTC+8, no daylight saving). */
const CHINA_OFFSET_SECONDS = 8 * 3600;

/** WeCom answers at most 31 days a call, none older than 180 days, none of today. */
export const STATISTIC_LIMITS = { daysPerCall: 31, maxAgeDays: 180 };

/** A calendar day as days since 1970-01-01. */
export type DayNumber = number;

/** "2026-12-07" of a day number. */
export function dayText(day: DayNumber): string {
	return new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}

/** The China-time day of unix time `unix`. */
export function chinaDayOf(unix: number): DayNumber {
	return Math.floor((unix + CHINA_OFFSET_SECONDS) / DAY_SECONDS);
}

/** 00:00 China time of `day`, as WeCom wants start_time and end_time. */
function chinaDayStart(day: DayNumber): number {
	return day * DAY_SECONDS - CHINA_OFFSET_SECONDS;
}

export interface StatisticQuery {
	openKfId: string;
	/** Only for the servicer statistics. */
	servicerUserId?: string;
	firstDay: DayNumber;
	lastDay: DayNumber;
}

/**
 * Refuses, before any request, a range WeCom cannot answer: the end before the start, a day older
 * than 180 days, or today or later (a day's figures are ready the next day). `today` is China's.
 */
export function checkStatisticRange(query: Pick<StatisticQuery, 'firstDay' | 'lastDay'>, today: DayNumber): void {
	const { firstDay, lastDay } = query;
	const oldest = today - STATISTIC_LIMITS.maxAgeDays;
	if (lastDay < firstDay) {
		throw new WeChatInputError('endDate', `must not be before the Start Date (${dayText(firstDay)}), got ${dayText(lastDay)}`);
	}
	if (lastDay >= today) {
		throw new WeChatInputError(
			'endDate',
			`must be yesterday or earlier: WeCom has a day's figures from the next day (today is ${dayText(today)} in China), got ${dayText(lastDay)}`,
		);
	}
	if (firstDay < oldest) {
		throw new WeChatInputError(
			'startDate',
			`must be within the last ${STATISTIC_LIMITS.maxAgeDays} days (${dayText(oldest)} or later, China time): WeCom keeps no older figures, got ${dayText(firstDay)}`,
		);
	}
}

/** The range in windows of at most 31 days, oldest first. */
export function statisticWindows(firstDay: DayNumber, lastDay: DayNumber): Array<[DayNumber, DayNumber]> {
	const windows: Array<[DayNumber, DayNumber]> = [];
	for (let start = firstDay; start <= lastDay; start += STATISTIC_LIMITS.daysPerCall) {
		windows.push([start, Math.min(lastDay, start + STATISTIC_LIMITS.daysPerCall - 1)]);
	}
	return windows;
}

interface StatisticEntry {
	stat_time: number;
	statistic?: Record<string, unknown>;
}

export type StatisticKind = 'corp' | 'servicer';

const PATHS: Record<StatisticKind, string> = {
	corp: WECOM_CALLS.corpStatistics.path,
	servicer: WECOM_CALLS.servicerStatistics.path,
};

/**
 * kf/get_corp_statistic or kf/get_servicer_statistic over the whole range, one call per 31-day
 * window: one entry per day with WeCom's figures under WeCom's names, after its `date`.
 */
export async function getStatistics(client: WeComClient, kind: StatisticKind, query: StatisticQuery): Promise<Array<Record<string, unknown>>> {
	const path = PATHS[kind];
	const who = { open_kfid: query.openKfId, ...(kind === 'servicer' ? { servicer_userid: query.servicerUserId } : {}) };
	const days: Array<Record<string, unknown>> = [];
	for (const [first, last] of statisticWindows(query.firstDay, query.lastDay)) {
		const answer = await client.read(path, { ...who, start_time: chinaDayStart(first), end_time: chinaDayStart(last) });
		for (const entry of listIn<StatisticEntry>(answer, 'statistic_list', path, 'WeCom')) {
			days.push({ date: dayText(chinaDayOf(entry.stat_time)), stat_time: entry.stat_time, ...who, ...(entry.statistic ?? {}) });
		}
	}
	return days;
}
