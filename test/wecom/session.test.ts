import { WECOM_DEMO } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, runWeCom } from '../helpers/wecom';

const ctx = useSandbox('demo');
const { afterSales, booking } = WECOM_DEMO.accounts;
const { chen, wang, zhao, li } = WECOM_DEMO.customers;
const account = (value: string) => ({ __rl: true, mode: 'list', value });
const servicer = (value: string) => ({ __rl: true, mode: 'list', value });

function apiCalls() {
	return ctx.sb.requests.filter((r) => r.path !== '/cgi-bin/gettoken').map((r) => `${r.method} ${r.path} ${JSON.stringify(r.json)}`);
}

describe('WeCom Session: Get State', () => {
	it('names the state and who serves the customer', async () => {
		const run = await runWeCom(
			ctx.sb,
			{ resource: 'session', operation: 'getState', openKfId: account('={{ $json.account }}'), externalUserId: '={{ $json.customer }}' },
			{ items: [{ account: afterSales, customer: wang }, { account: afterSales, customer: chen }, { account: booking, customer: zhao }] },
		);
		expect(run.error).toBeUndefined();
		expect(run.json(WECOM_NODE_NAME)).toEqual([
			{ open_kfid: afterSales, external_userid: wang, service_state: 3, service_state_name: 'human_servicer', servicer_userid: 'zhangsan' },
			{ open_kfid: afterSales, external_userid: chen, service_state: 0, service_state_name: 'unhandled', servicer_userid: '' },
			{ open_kfid: booking, external_userid: zhao, service_state: 2, service_state_name: 'waiting_pool', servicer_userid: '' },
		]);
		expect(apiCalls()).toEqual([
			`POST /cgi-bin/kf/service_state/get ${JSON.stringify({ open_kfid: afterSales, external_userid: wang })}`,
			`POST /cgi-bin/kf/service_state/get ${JSON.stringify({ open_kfid: afterSales, external_userid: chen })}`,
			`POST /cgi-bin/kf/service_state/get ${JSON.stringify({ open_kfid: booking, external_userid: zhao })}`,
		]);
	});

	it('refuses a malformed customer id before any request', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'session', operation: 'getState', openKfId: account(afterSales), externalUserId: 'wm chen' });
		expect(run.error?.message).toBe('"Customer External User ID" must be an external_userid (letters, digits, _ and -, at most 64), got "wm chen"');
		expect(ctx.sb.requests).toEqual([]);
	});
});

describe('WeCom Session: Transfer', () => {
	it('hands a waiting customer to a receiving servicer and outputs the msg_code', async () => {
		const run = await runWeCom(ctx.sb, {
			resource: 'session',
			operation: 'transfer',
			openKfId: account(booking),
			externalUserId: zhao,
			serviceState: 3,
			servicerUserId: servicer('wangwu'),
		});
		expect(run.error).toBeUndefined();
		expect(apiCalls()).toEqual([
			`POST /cgi-bin/kf/service_state/trans ${JSON.stringify({ open_kfid: booking, external_userid: zhao, service_state: 3, servicer_userid: 'wangwu' })}`,
		]);
		expect(run.json(WECOM_NODE_NAME)).toEqual([
			{
				open_kfid: booking,
				external_userid: zhao,
				service_state: 3,
				service_state_name: 'human_servicer',
				servicer_userid: 'wangwu',
				msg_code: expect.stringMatching(/^\S+$/),
			},
		]);
	});

	it('ends a session without a servicer (the servicer field is not sent)', async () => {
		const run = await runWeCom(ctx.sb, {
			resource: 'session',
			operation: 'transfer',
			openKfId: account(booking),
			externalUserId: li,
			serviceState: 4,
			servicerUserId: servicer('wangwu'),
		});
		expect(run.error).toBeUndefined();
		expect(apiCalls()).toEqual([
			`POST /cgi-bin/kf/service_state/trans ${JSON.stringify({ open_kfid: booking, external_userid: li, service_state: 4 })}`,
		]);
		expect(run.json(WECOM_NODE_NAME)[0]).toMatchObject({ service_state: 4, service_state_name: 'ended', servicer_userid: '', msg_code: expect.stringMatching(/^\S+$/) });
	});

	it('wants a servicer for state 3 and a known state, before any request', async () => {
		const base = { resource: 'session', operation: 'transfer', openKfId: account(booking), externalUserId: zhao };
		const noServicer = await runWeCom(ctx.sb, { ...base, serviceState: 3, servicerUserId: { __rl: true, mode: 'id', value: '={{ "" }}' } });
		expect(noServicer.error?.message).toBe('"Servicer" is required but empty');
		const badState = await runWeCom(ctx.sb, { ...base, serviceState: '={{ 0 }}', servicerUserId: servicer('wangwu') });
		expect(badState.error?.message).toBe('"To" must be 1, 2, 3 or 4, got 0');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('explains WeCom’s allowed transitions when it refuses one (95016)', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'session', operation: 'transfer', openKfId: account(afterSales), externalUserId: wang, serviceState: 2 });
		expect(run.error?.message).toMatch(/^WeCom does not allow this change of session state\. WeCom: service state trans not allowed.*\(errcode 95016\)$/);
		expect(run.error?.description).toContain(
			'Allowed: from 0 (unhandled) to 1, 2, 3 or 4; from 1 (smart assistant) to 2, 3 or 4; from 2 (waiting pool) to 3 or 4; from 3 (human servicer) to 3 (another servicer) or 4. An ended session (4) changes only when the customer writes again.',
		);
	});
});
