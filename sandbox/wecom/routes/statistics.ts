// kf/get_corp_statistic and kf/get_servicer_statistic: one entry per day (China time), made up but
// stable for an account, servicer and day, so a test can compare two calls.
import { createHash } from 'node:crypto';

import type { ReceivedRequest, Route, SandboxContext } from '../../types';
import type { WeComCorp } from '../corp';
import { ok, weComError } from '../errors';
import { body, corpOf } from './common';

const DAY = 86400;
const CHINA_OFFSET = 8 * 3600;
/** A query spans at most 31 days, none older than 180 days, none of today. */
export const STATISTIC_WINDOW = { maxDays: 31, maxAgeDays: 180 };

/** 00:00 China time of the day `unix` falls in. */
export function chinaDayStart(unix: number): number {
	return Math.floor((unix + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
}

function days(corp: WeComCorp, b: Record<string, unknown>): number[] {
	const { start_time: start, end_time: end } = b;
	if (!Number.isInteger(start) || !Number.isInteger(end)) throw weComError(40058, 'start_time and end_time must be unix seconds');
	const first = chinaDayStart(start as number);
	const last = chinaDayStart(end as number);
	const today = chinaDayStart(corp.clock.now());
	if (last < first) throw weComError(40058, 'end_time is before start_time');
	if ((last - first) / DAY + 1 > STATISTIC_WINDOW.maxDays) throw weComError(40058, `at most ${STATISTIC_WINDOW.maxDays} days per query`);
	if (first < today - STATISTIC_WINDOW.maxAgeDays * DAY) throw weComError(40058, `only the last ${STATISTIC_WINDOW.maxAgeDays} days are kept`);
	if (last >= today) throw weComError(40058, "a day's statistics are ready the next day");
	const out: number[] = [];
	for (let d = first; d <= last; d += DAY) out.push(d);
	return out;
}

/** Numbers from a hash of the key: the same key, the same day → the same figures. */
function figures(key: string): number[] {
	return [...createHash('sha1').update(key).digest()];
}

const rate = (n: number) => Math.round((n / 255) * 10000) / 10000;

type Figures = (f: number[]) => Record<string, number>;

const CORP_FIGURES: Figures = (f) => ({
	session_cnt: f[0] % 60,
	customer_cnt: f[1] % 50,
	customer_msg_cnt: f[2] % 200,
	upgrade_service_customer_cnt: f[3] % 5,
	ai_session_reply_cnt: f[4] % 40,
	ai_transfer_rate: rate(f[5]),
	ai_knowledge_hit_rate: rate(f[6]),
	msg_rejected_customer_cnt: f[7] % 3,
});

const SERVICER_FIGURES: Figures = (f) => ({
	session_cnt: f[0] % 30,
	customer_cnt: f[1] % 25,
	customer_msg_cnt: f[2] % 100,
	reply_rate: rate(f[3]),
	first_reply_average_sec: f[4] % 120,
	satisfaction_investgate_cnt: f[5] % 10,
	satisfaction_participation_rate: rate(f[6]),
	satisfied_rate: rate(f[7]),
	middling_rate: rate(f[8] % 40),
	dissatisfied_rate: rate(f[9] % 20),
	upgrade_service_customer_cnt: f[10] % 4,
	upgrade_service_member_invite_cnt: f[11] % 3,
	upgrade_service_member_customer_cnt: f[12] % 3,
	upgrade_service_groupchat_invite_cnt: f[13] % 3,
	upgrade_service_groupchat_customer_cnt: f[14] % 3,
	msg_rejected_customer_cnt: f[15] % 2,
});

/** The servicer statistics take an optional servicer_userid, a servicer of the account (95014). */
function statistic(perServicer: boolean, make: Figures) {
	return (req: ReceivedRequest, sb: SandboxContext) => {
		const corp = corpOf(req, sb);
		const b = body(req);
		const account = corp.account(b.open_kfid);
		const servicer = perServicer ? b.servicer_userid : undefined;
		if (servicer !== undefined && (typeof servicer !== 'string' || !account.servicers.has(servicer))) throw weComError(95014);
		const statistic_list = days(corp, b).map((stat_time) => ({
			stat_time,
			statistic: make(figures(`${account.open_kfid}|${String(servicer ?? '')}|${stat_time}`)),
		}));
		return { json: ok({ statistic_list }) };
	};
}

export const weComStatisticRoutes: Route[] = [
	{ method: 'POST', path: '/cgi-bin/kf/get_corp_statistic', handler: statistic(false, CORP_FIGURES) },
	{ method: 'POST', path: '/cgi-bin/kf/get_servicer_statistic', handler: statistic(true, SERVICER_FIGURES) },
];
