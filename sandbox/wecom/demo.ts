// Demo data for the sandbox's WeCom corp: three kf accounts, servicers with status, customers with
// enter-session context, three days of history and customers waiting for an answer.
import type { SandboxContext } from '../types';
import type { WeComCorp } from './corp';
import { customerEnters, customerRecalls, customerWrites, ensureCustomer, servicerChangesSession, servicerChangesStatus, servicerWrites } from './customers';
import { customerMedia } from './media';
import type { KfAccount } from './model';

const wk = (name: string) => `wk${name.padEnd(30, '0')}`;
const wm = (name: string) => `wm${name.padEnd(30, '0')}`;

export const WECOM_DEMO = {
	accounts: { afterSales: wk('AfterSalesDemo'), booking: wk('BookingDemo'), store: wk('StoreAssistantDemo') },
	customers: { chen: wm('ChenDemo'), li: wm('LiDemo'), wang: wm('WangDemo'), zhao: wm('ZhaoDemo'), tom: wm('TomDemo') },
	servicers: { zhangsan: 'zhangsan', lisi: 'lisi', wangwu: 'wangwu', zhaoliu: 'zhaoliu' },
	groupChat: 'wrDemoVipCustomersGroup0000000001',
} as const;

function addAccount(corp: WeComCorp, openKfid: string, name: string, managed: boolean): KfAccount {
	const media = customerMedia(corp, 'image');
	const account: KfAccount = {
		open_kfid: openKfid,
		name,
		media_id: media.media_id,
		avatar: `https://wework.qpic.cn/wwpic/${openKfid}/demo/0`,
		manage_privilege: managed,
		servicers: new Map(),
		departments: new Set(),
	};
	corp.accounts.set(openKfid, account);
	return account;
}

/**
 * Waiting for an answer (send_msg works): 陈小姐 on 售后服务 (state 0, wrote 20 minutes ago), 李先生
 * on 预约咨询 (state 1, the assistant), Tom on 售后服务 (state 0, came from 视频号). Not answerable
 * through the API: 王女士 with 张三 (state 3 → 95018), 赵女士 in the waiting pool (state 2).
 */
export function seedWeComDemo(sb: SandboxContext): void {
	const corp = sb.state.wecom.demoCorp;
	const now = sb.clock.now();
	const h = 3600;
	const { accounts: a, customers: c, servicers: s } = WECOM_DEMO;
	corp.addMember(s.zhangsan, '张三', [2]);
	corp.addMember(s.lisi, '李四', [2]);
	corp.addMember(s.wangwu, '王五', [3]);
	corp.addMember(s.zhaoliu, '赵六', [3]);
	const afterSales = addAccount(corp, a.afterSales, '售后服务', true);
	const booking = addAccount(corp, a.booking, '预约咨询', true);
	addAccount(corp, a.store, '门店小助手', false);
	afterSales.servicers.set(s.zhangsan, { userid: s.zhangsan, status: 0, stop_type: 0 });
	afterSales.servicers.set(s.lisi, { userid: s.lisi, status: 0, stop_type: 0 });
	booking.servicers.set(s.wangwu, { userid: s.wangwu, status: 0, stop_type: 0 });
	booking.departments.add(3);

	ensureCustomer(corp, c.chen, { nickname: '陈小姐', gender: 2, avatar: 'https://wx.qlogo.cn/mmhead/demo-chen/0', unionid: 'oDemoUnionChen0000000000001' });
	ensureCustomer(corp, c.li, { nickname: '李先生', gender: 1, avatar: 'https://wx.qlogo.cn/mmhead/demo-li/0' });
	ensureCustomer(corp, c.wang, { nickname: '王女士', gender: 2, avatar: 'https://wx.qlogo.cn/mmhead/demo-wang/0' });
	ensureCustomer(corp, c.zhao, { nickname: '赵女士', gender: 2, avatar: 'https://wx.qlogo.cn/mmhead/demo-zhao/0' });
	ensureCustomer(corp, c.tom, { nickname: 'Tom', gender: 1, avatar: 'https://wx.qlogo.cn/mmhead/demo-tom/0' });

	// Older than 3 days: kept for the story, no longer returned by sync_msg.
	customerWrites(corp, a.afterSales, c.zhao, { msgtype: 'text', content: '你好，发票怎么开？' }, now - 74 * h);
	// Three days ago: 陈小姐's first conversation, answered by 张三 in the WeCom client.
	customerEnters(corp, a.afterSales, c.chen, { scene: 'order_page', scene_param: 'order=1001' }, now - 70 * h);
	customerWrites(corp, a.afterSales, c.chen, { msgtype: 'text', content: '我的订单还没发货' }, now - 70 * h + 8);
	servicerWrites(corp, a.afterSales, c.chen, s.zhangsan, '您好，已为您催促仓库，今天发出。', now - 69 * h);
	servicerChangesStatus(corp, a.afterSales, s.lisi, 1, 1, now - 30 * h);
	// Yesterday: 李先生 came from a poster and talks to the assistant (state 1).
	customerEnters(corp, a.booking, c.li, { scene: 'poster' }, now - 26 * h);
	customerWrites(corp, a.booking, c.li, { msgtype: 'text', content: '想预约周六上午' }, now - 26 * h + 15);
	corp.session(a.booking, c.li).service_state = 1;
	// Hours ago: 王女士 sent a photo of a broken item; 张三 took the session from the pool (state 3).
	customerWrites(corp, a.afterSales, c.wang, { msgtype: 'text', content: '收到的商品有破损' }, now - 3 * h);
	const photo = customerWrites(corp, a.afterSales, c.wang, { msgtype: 'image' }, now - 3 * h + 20);
	customerWrites(corp, a.afterSales, c.wang, { msgtype: 'image' }, now - 3 * h + 25);
	customerRecalls(corp, a.afterSales, c.wang, photo.msgid, now - 3 * h + 60);
	corp.session(a.afterSales, c.wang).service_state = 2;
	servicerChangesSession(corp, a.afterSales, c.wang, 1, s.zhangsan, now - 2 * h);
	// An hour ago: 赵女士 asks for a booking and waits in the pool (state 2).
	customerWrites(corp, a.booking, c.zhao, { msgtype: 'voice' }, now - h);
	corp.session(a.booking, c.zhao).service_state = 2;
	// Minutes ago: 陈小姐 again (state 0) and Tom from 视频号.
	customerWrites(corp, a.afterSales, c.chen, { msgtype: 'text', content: '请问退款什么时候到账？' }, now - 20 * 60);
	customerEnters(corp, a.afterSales, c.tom, { scene: 'channels', wechat_channels: { nickname: '示例小店', scene: 1 } }, now - 5 * 60);
	customerWrites(corp, a.afterSales, c.tom, { msgtype: 'text', content: 'Hi, do you ship abroad?' }, now - 5 * 60 + 10);

	const group = { group_id: 'kbDemoAfterSalesGroup0000000001', name: '售后', is_default: 0 as const };
	corp.groups.set(group.group_id, group);
	const intent = (id: string, question: string, answer: string, similar: string[]) =>
		corp.intents.set(id, {
			intent_id: id,
			group_id: group.group_id,
			question: { text: { content: question } },
			similar_questions: { items: similar.map((content) => ({ text: { content } })) },
			answers: [{ text: { content: answer }, attachments: [] }],
		});
	intent('kbDemoRefund0000000000000000001', '退款多久到账？', '退款会在 1–3 个工作日内原路退回。', ['退款什么时候到', '钱什么时候退回来']);
	intent('kbDemoShipping00000000000000001', '什么时候发货？', '下单后 24 小时内发货。', ['多久发货']);
	corp.upgradeConfig = {
		member_range: { userid_list: [s.zhangsan], department_id_list: [3] },
		groupchat_range: { chat_id_list: [WECOM_DEMO.groupChat] },
	};
}
