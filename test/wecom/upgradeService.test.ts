import type { INodeParameters } from 'n8n-workflow';

import { WECOM_DEMO } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, runWeCom } from '../helpers/wecom';

const ctx = useSandbox('demo');
const { afterSales, store } = WECOM_DEMO.accounts;
const { chen } = WECOM_DEMO.customers;
const account = (value: string) => ({ __rl: true, mode: 'list', value });
const upgrade = (parameters: INodeParameters) =>
	runWeCom(ctx.sb, { resource: 'upgradeService', openKfId: account(afterSales), externalUserId: chen, ...parameters });

function calls() {
	return ctx.sb.requests.filter((r) => r.path !== '/cgi-bin/gettoken').map((r) => `${r.method} ${r.path} ${JSON.stringify(r.json ?? null)}`);
}

describe('WeCom Upgrade Service', () => {
	it('shows the configured member and group ranges', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'upgradeService', operation: 'getConfig' });
		expect(run.error).toBeUndefined();
		expect(run.json(WECOM_NODE_NAME)).toEqual([
			{
				member_range: { userid_list: ['zhangsan'], department_id_list: [3] },
				groupchat_range: { chat_id_list: [WECOM_DEMO.groupChat] },
			},
		]);
		expect(calls()).toEqual(['GET /cgi-bin/kf/customer/get_upgrade_service_config null']);
	});

	it('offers a member with wording, a group chat, and cancels', async () => {
		const member = await upgrade({ operation: 'upgrade', upgradeType: 'member', memberUserId: 'zhangsan', wording: '张三是您的专属顾问' });
		expect(member.json(WECOM_NODE_NAME)).toEqual([
			{ success: true, open_kfid: afterSales, external_userid: chen, type: 1, member: { userid: 'zhangsan', wording: '张三是您的专属顾问' } },
		]);
		const group = await upgrade({ operation: 'upgrade', upgradeType: 'groupChat', chatId: WECOM_DEMO.groupChat });
		expect(group.json(WECOM_NODE_NAME)).toEqual([
			{ success: true, open_kfid: afterSales, external_userid: chen, type: 2, groupchat: { chat_id: WECOM_DEMO.groupChat } },
		]);
		const cancelled = await upgrade({ operation: 'cancel' });
		expect(cancelled.json(WECOM_NODE_NAME)).toEqual([{ success: true, open_kfid: afterSales, external_userid: chen }]);
		expect(calls()).toEqual([
			`POST /cgi-bin/kf/customer/upgrade_service ${JSON.stringify({ open_kfid: afterSales, external_userid: chen, type: 1, member: { userid: 'zhangsan', wording: '张三是您的专属顾问' } })}`,
			`POST /cgi-bin/kf/customer/upgrade_service ${JSON.stringify({ open_kfid: afterSales, external_userid: chen, type: 2, groupchat: { chat_id: WECOM_DEMO.groupChat } })}`,
			`POST /cgi-bin/kf/customer/cancel_upgrade_service ${JSON.stringify({ open_kfid: afterSales, external_userid: chen })}`,
		]);
	});

	it('refuses a malformed member before any request', async () => {
		const run = await upgrade({ operation: 'upgrade', upgradeType: 'member', memberUserId: '张三' });
		expect(run.error?.message).toBe('"Member User ID" must be a WeCom userid (letters, digits, _ . @ and -, at most 64), got "张三"');
		const type = await upgrade({ operation: 'upgrade', upgradeType: '={{ "vip" }}', memberUserId: 'zhangsan', chatId: 'x' });
		expect(type.error?.message).toBe('"Upgrade To" must be "member" or "groupChat", got "vip"');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('explains an account this app may not manage (48002)', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'upgradeService', operation: 'cancel', openKfId: account(store), externalUserId: chen });
		expect(run.error?.message).toMatch(/^This app may not call this API, or may not manage this account\. WeCom: api forbidden.*\(errcode 48002\)$/);
		expect(run.error?.description).toContain('Account → Get Many shows manage_privilege');
	});
});
