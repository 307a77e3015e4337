import type { INodeParameters } from 'n8n-workflow';

import { WECOM_DEMO } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, weComCredential, weComWorkflow } from '../helpers/wecom';
import { runWorkflow } from '../helpers/workflow';

const ctx = useSandbox('demo');
const { afterSales } = WECOM_DEMO.accounts;
const account = { __rl: true, mode: 'list', value: afterSales };
/** 2026-12-07 10:00 China time: China's today is 2026-12-07. */
const NOW = Date.UTC(2026, 11, 7, 2, 0, 0) / 1000;
/** 00:00 China time of a date, as WeCom's start_time and stat_time. */
const chinaMidnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`) / 1000;

beforeEach(() => {
	ctx.sb.clock.freezeAt(NOW);
	jest.spyOn(Date, 'now').mockReturnValue(NOW * 1000);
});
afterEach(() => jest.restoreAllMocks());

async function run(parameters: INodeParameters, timezone = 'Asia/Shanghai') {
	const wf = weComWorkflow({ resource: 'statistics', operation: 'getCorp', openKfId: account, ...parameters });
	wf.settings = { ...wf.settings, timezone };
	return await runWorkflow(wf, weComCredential(ctx.sb));
}

function calls() {
	return ctx.sb.requests.filter((r) => r.path !== '/cgi-bin/gettoken').map((r) => ({ path: r.path, json: r.json }));
}

const CORP_FIGURES = [
	'session_cnt',
	'customer_cnt',
	'customer_msg_cnt',
	'upgrade_service_customer_cnt',
	'ai_session_reply_cnt',
	'ai_transfer_rate',
	'ai_knowledge_hit_rate',
	'msg_rejected_customer_cnt',
];

describe('WeCom Statistics: Get Corp', () => {
	it('splits 40 days into a 31-day and a 9-day call: one item per day with its date and WeCom’s fields', async () => {
		const result = await run({ startDate: '2026-10-28T00:00:00', endDate: '2026-12-06T00:00:00' });
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			{ path: '/cgi-bin/kf/get_corp_statistic', json: { open_kfid: afterSales, start_time: chinaMidnight('2026-10-28'), end_time: chinaMidnight('2026-11-27') } },
			{ path: '/cgi-bin/kf/get_corp_statistic', json: { open_kfid: afterSales, start_time: chinaMidnight('2026-11-28'), end_time: chinaMidnight('2026-12-06') } },
		]);
		const days = result.json(WECOM_NODE_NAME);
		expect(days).toHaveLength(40);
		expect(days[0]).toEqual({
			date: '2026-10-28',
			stat_time: chinaMidnight('2026-10-28'),
			open_kfid: afterSales,
			...Object.fromEntries(CORP_FIGURES.map((f) => [f, expect.any(Number)])),
		});
		expect(Object.keys(days[0])).toEqual(['date', 'stat_time', 'open_kfid', ...CORP_FIGURES]);
		expect(days.map((d) => d.date).slice(30, 32)).toEqual(['2026-11-27', '2026-11-28']);
		expect(days[39].date).toBe('2026-12-06');
	});

	it('reads the dates in the workflow’s time zone as calendar days; an empty end is yesterday', async () => {
		const result = await run({ startDate: '2026-12-04T00:00:00' }, 'America/New_York');
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			{ path: '/cgi-bin/kf/get_corp_statistic', json: { open_kfid: afterSales, start_time: chinaMidnight('2026-12-04'), end_time: chinaMidnight('2026-12-06') } },
		]);
		expect(result.json(WECOM_NODE_NAME).map((d) => d.date)).toEqual(['2026-12-04', '2026-12-05', '2026-12-06']);
	});

	it('asks for the oldest day WeCom keeps (180 days back)', async () => {
		const result = await run({ startDate: '2026-06-10T00:00:00', endDate: '2026-06-10T00:00:00' });
		expect(result.error).toBeUndefined();
		expect(result.json(WECOM_NODE_NAME).map((d) => d.date)).toEqual(['2026-06-10']);
	});

	it('refuses today, older than 180 days and an end before the start, before any request', async () => {
		const today = await run({ startDate: '2026-12-01T00:00:00', endDate: '2026-12-07T00:00:00' });
		expect(today.error?.message).toBe(
			'"End Date" must be yesterday or earlier: WeCom has a day\'s figures from the next day (today is 2026-12-07 in China), got 2026-12-07',
		);
		const old = await run({ startDate: '2026-06-09T00:00:00', endDate: '2026-06-30T00:00:00' });
		expect(old.error?.message).toBe(
			'"Start Date" must be within the last 180 days (2026-06-10 or later, China time): WeCom keeps no older figures, got 2026-06-09',
		);
		const reversed = await run({ startDate: '2026-12-05T00:00:00', endDate: '2026-12-01T00:00:00' });
		expect(reversed.error?.message).toBe('"End Date" must not be before the Start Date (2026-12-05), got 2026-12-01');
		const typo = await run({ startDate: '={{ "yesterday" }}' });
		expect(typo.error?.message).toBe('"Start Date" is not a valid date, got "yesterday" (use e.g. 2026-12-01)');
		expect(ctx.sb.requests).toEqual([]);
	});
});

describe('WeCom Statistics: Get Servicer', () => {
	it('sends the servicer and puts it on every day', async () => {
		const result = await run({
			operation: 'getServicer',
			servicerUserId: { __rl: true, mode: 'list', value: 'zhangsan' },
			startDate: '2026-12-05T00:00:00',
			endDate: '2026-12-06T00:00:00',
		});
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			{
				path: '/cgi-bin/kf/get_servicer_statistic',
				json: { open_kfid: afterSales, servicer_userid: 'zhangsan', start_time: chinaMidnight('2026-12-05'), end_time: chinaMidnight('2026-12-06') },
			},
		]);
		const days = result.json(WECOM_NODE_NAME);
		expect(days.map((d) => [d.date, d.servicer_userid, typeof d.first_reply_average_sec])).toEqual([
			['2026-12-05', 'zhangsan', 'number'],
			['2026-12-06', 'zhangsan', 'number'],
		]);
	});

	it('explains a member who is not a servicer of the account (95014)', async () => {
		const result = await run({
			operation: 'getServicer',
			servicerUserId: { __rl: true, mode: 'id', value: 'wangwu' },
			startDate: '2026-12-05T00:00:00',
		});
		expect(result.error?.message).toMatch(/^This member is not a servicer of the account\. WeCom: user is not servicer.*\(errcode 95014\)$/);
		expect(result.error?.description).toContain('Add them first with Servicer → Add');
	});
});
