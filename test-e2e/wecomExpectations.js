// @ts-check
'use strict';
/**
 * The WeCom Customer Service node's e2e workflows per resource (test-e2e/workflows/e2e-wecom-*.json), one entry
 * each, in the shape of expectations.js. Each asserts the exact requests the sandbox's 微信客服 saw (one gettoken,
 * then the kf calls with that token) and the exact items; ids the sandbox makes up (open_kfid, group_id, media_id,
 * msg_code) are read from the output once and then required everywhere they must reappear.
 */
const assert = require('assert/strict');

const { loadSandbox } = require('../scripts/n8n/lib/sandbox');

/** @typedef {import('./expectations').WorkflowExpectation} WorkflowExpectation */

const { AFTER_SALES, BOOKING, CHEN, TOM, ZHAO, DEMO_ACCOUNTS, weComCalls, post, get, chinaDate, statTime, sandboxStatistics } = require('./wecomDemo');

/**
 * A customer who enters the chat just before the run: the workflow finds the welcome_code of that enter_session with
 * Message → Sync and answers it with Send on Event. The sandbox clock stands still so the code's 20 seconds outlast
 * n8n's start-up.
 * @returns {WorkflowExpectation}
 */
function welcomeExpectation() {
	const NEWCOMER = 'wmE2eNewcomer'.padEnd(32, '0');
	let welcomeCode = '';
	return {
		name: 'WeCom message: a welcome on the welcome_code of a customer who just entered (Sync, then Send on Event)',
		workflow: 'wcomE2eWelcome001',
		setup(sb) {
			sb.clock.freezeAt(sb.clock.now());
			const entered = loadSandbox('').weComCustomers.customerEnters(sb.state.wecom.demoCorp, AFTER_SALES, NEWCOMER, { scene: 'e2e' });
			welcomeCode = String(/** @type {any} */ (entered.content).welcome_code);
		},
		assert({ out, sb }) {
			assert.match(welcomeCode, /^[A-Za-z0-9_-]+$/);
			assert.deepEqual(weComCalls(sb).calls, [
				post('kf/sync_msg', { open_kfid: AFTER_SALES, limit: 1000 }),
				post('kf/send_msg_on_event', { code: welcomeCode, msgtype: 'text', text: { content: 'e2e 欢迎光临' } }),
			]);
			const [{ msg_list: messages }] = out('Messages');
			assert.deepEqual(messages.at(-1).event, { event_type: 'enter_session', open_kfid: AFTER_SALES, external_userid: NEWCOMER, scene: 'e2e', scene_param: '', welcome_code: welcomeCode });
			const [welcome] = out('Welcome');
			assert.match(welcome.msgid, /^[A-Za-z0-9_-]+$/);
			assert.deepEqual(out('Welcome'), [{ msgid: welcome.msgid, code: welcomeCode, msgtype: 'text' }]);
		},
	};
}

/** @type {WorkflowExpectation[]} */
module.exports = [
	{
		name: 'WeCom account: create with an uploaded avatar, update, contact link, delete, get many',
		workflow: 'wcomE2eAccount001',
		assert({ out, sb }) {
			const [created] = out('Create');
			const kfid = created.open_kfid;
			assert.match(kfid, /^wk[A-Za-z0-9_-]+$/);
			const { calls } = weComCalls(sb);
			const mediaId = /** @type {any} */ (calls[1].json).media_id;
			assert.deepEqual(calls, [
				{ call: 'POST /cgi-bin/media/upload', query: { type: 'image' }, json: undefined },
				post('kf/account/add', { name: 'e2e 咨询', media_id: mediaId }),
				post('kf/account/update', { open_kfid: kfid, name: 'e2e 售前' }),
				post('kf/add_contact_way', { open_kfid: kfid, scene: 'e2e' }),
				post('kf/account/del', { open_kfid: kfid }),
				post('kf/account/list', { offset: 0, limit: 100 }),
			]);
			const upload = sb.requestsTo('/cgi-bin/media/upload')[0];
			assert.match(String(upload.headers['content-type']), /^multipart\/form-data/);
			assert.ok(upload.rawBody.includes(Buffer.from([0xff, 0xd8, 0xff])), 'the avatar upload carries the JPEG bytes');
			assert.deepEqual(out('Create'), [{ open_kfid: kfid, name: 'e2e 咨询', media_id: mediaId }]);
			assert.deepEqual(out('Update'), [{ success: true, open_kfid: kfid, name: 'e2e 售前' }]);
			const [link] = out('Contact link');
			assert.match(link.url, /^https:\/\/work\.weixin\.qq\.com\/kfid\/kfc[A-Za-z0-9]+\?enc_scene=[A-Za-z0-9]+$/);
			assert.deepEqual(out('Contact link'), [
				{ open_kfid: kfid, scene: 'e2e', url: link.url, scene_param: 'order=1', url_with_scene_param: `${link.url}&scene_param=order%3D1` },
			]);
			assert.deepEqual(out('Delete'), [{ success: true, open_kfid: kfid }]);
			assert.deepEqual(out('All accounts'), DEMO_ACCOUNTS, 'the deleted account is gone again');
		},
	},
	{
		name: 'WeCom servicer: add a member and a department, get many, remove them',
		workflow: 'wcomE2eServicer01',
		assert({ out, sb }) {
			const ids = { open_kfid: BOOKING, userid_list: ['zhaoliu'], department_id_list: [2] };
			assert.deepEqual(weComCalls(sb).calls, [post('kf/servicer/add', ids), get('kf/servicer/list', { open_kfid: BOOKING }), post('kf/servicer/del', ids)]);
			/** @param {'added' | 'removed'} status */
			const rows = (status) => [
				{ open_kfid: BOOKING, userid: 'zhaoliu', success: true, errcode: 0, errmsg: 'success', status },
				{ open_kfid: BOOKING, department_id: 2, success: true, errcode: 0, errmsg: 'success', status },
			];
			assert.deepEqual(out('Add'), rows('added'));
			assert.deepEqual(out('Servicers'), [
				{ open_kfid: BOOKING, userid: 'wangwu', status: 0, status_name: 'receiving' },
				{ open_kfid: BOOKING, userid: 'zhaoliu', status: 0, status_name: 'receiving' },
				{ open_kfid: BOOKING, department_id: 3 },
				{ open_kfid: BOOKING, department_id: 2 },
			]);
			assert.deepEqual(out('Remove'), rows('removed'));
		},
	},
	{
		name: 'WeCom session: a waiting customer transferred to a human servicer',
		workflow: 'wcomE2eSession001',
		assert({ out, sb }) {
			const who = { open_kfid: BOOKING, external_userid: ZHAO };
			assert.deepEqual(weComCalls(sb).calls, [
				post('kf/service_state/get', who),
				post('kf/service_state/trans', { ...who, service_state: 3, servicer_userid: 'wangwu' }),
				post('kf/service_state/get', who),
			]);
			assert.deepEqual(out('State before'), [{ ...who, service_state: 2, service_state_name: 'waiting_pool', servicer_userid: '' }]);
			const [moved] = out('Transfer');
			assert.match(moved.msg_code, /^[A-Za-z0-9_-]+$/);
			const human = { ...who, service_state: 3, service_state_name: 'human_servicer', servicer_userid: 'wangwu' };
			assert.deepEqual(out('Transfer'), [{ ...human, msg_code: moved.msg_code }]);
			assert.deepEqual(out('State after'), [human]);
		},
	},
	{
		name: 'WeCom message: send a text with a msgid, recall it, sync one page',
		workflow: 'wcomE2eMessage001',
		assert({ out, sb }) {
			assert.deepEqual(weComCalls(sb).calls, [
				post('kf/send_msg', { touser: CHEN, open_kfid: AFTER_SALES, msgid: 'e2e-msg-1', msgtype: 'text', text: { content: 'e2e 你好' } }),
				post('kf/recall_msg', { open_kfid: AFTER_SALES, msgid: 'e2e-msg-1' }),
				post('kf/sync_msg', { open_kfid: AFTER_SALES, limit: 3 }),
			]);
			assert.deepEqual(out('Send text'), [{ msgid: 'e2e-msg-1', open_kfid: AFTER_SALES, external_userid: CHEN, msgtype: 'text' }]);
			assert.deepEqual(out('Recall'), [{ success: true, open_kfid: AFTER_SALES, msgid: 'e2e-msg-1' }]);
			const [page] = out('Sync');
			assert.deepEqual(Object.keys(page), ['open_kfid', 'next_cursor', 'has_more', 'msg_list']);
			assert.deepEqual([page.open_kfid, page.has_more, page.msg_list.length], [AFTER_SALES, 1, 3]);
			assert.match(page.next_cursor, /^[A-Za-z0-9+/=_-]{1,64}$/);
			const [enter, wrote, answered] = page.msg_list;
			assert.deepEqual([enter.origin_name, enter.event.event_type, enter.event.scene, enter.event.scene_param], ['system', 'enter_session', 'order_page', 'order=1001']);
			assert.deepEqual([wrote.origin_name, wrote.external_userid, wrote.text], ['customer', CHEN, { content: '我的订单还没发货' }]);
			assert.deepEqual([answered.origin_name, answered.servicer_userid, answered.text], ['servicer', 'zhangsan', { content: '您好，已为您催促仓库，今天发出。' }]);
			for (const m of page.msg_list) assert.match(m.send_time_iso, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/, 'times in the workflow time zone');
		},
	},
	welcomeExpectation(),
	{
		name: 'WeCom customer: two known customers with their session context and one unknown id',
		workflow: 'wcomE2eCustomer01',
		assert({ out, sb }) {
			assert.deepEqual(weComCalls(sb).calls, [
				post('kf/customer/batchget', { external_userid_list: [CHEN, TOM, 'wmNoSuchCustomer'], need_enter_session_context: 1 }),
			]);
			assert.deepEqual(out('Customers'), [
				{
					external_userid: CHEN,
					nickname: '陈小姐',
					avatar: 'https://wx.qlogo.cn/mmhead/demo-chen/0',
					gender: 2,
					unionid: 'oDemoUnionChen0000000000001',
					enter_session_context: { scene: 'order_page', scene_param: 'order=1001' },
				},
				{
					external_userid: TOM,
					nickname: 'Tom',
					avatar: 'https://wx.qlogo.cn/mmhead/demo-tom/0',
					gender: 1,
					unionid: '',
					enter_session_context: { scene: 'channels', scene_param: '', wechat_channels: { nickname: '示例小店', scene: 1 } },
				},
				{
					external_userid: 'wmNoSuchCustomer',
					invalid: true,
					note: 'WeCom does not know this customer: the external_userid is mistyped, belongs to another company, or has never contacted a 微信客服 account of this company',
				},
			]);
		},
	},
	{
		name: 'WeCom statistics: an account’s last three days and a servicer’s yesterday, in China-time days',
		workflow: 'wcomE2eStats00001',
		async assert({ out, sb }) {
			const corpAsk = { open_kfid: AFTER_SALES, start_time: statTime(chinaDate(3)), end_time: statTime(chinaDate(1)) };
			const servicerAsk = { open_kfid: AFTER_SALES, servicer_userid: 'zhangsan', start_time: statTime(chinaDate(1)), end_time: statTime(chinaDate(1)) };
			assert.deepEqual(weComCalls(sb).calls, [post('kf/get_corp_statistic', corpAsk), post('kf/get_servicer_statistic', servicerAsk)]);
			const corp = out('Corp statistics');
			assert.deepEqual(corp.map((d) => d.date), [chinaDate(3), chinaDate(2), chinaDate(1)], 'one item per day');
			assert.deepEqual(corp, await sandboxStatistics(sb, 'kf/get_corp_statistic', corpAsk));
			assert.deepEqual(out('Servicer statistics'), await sandboxStatistics(sb, 'kf/get_servicer_statistic', servicerAsk));
		},
	},
	{
		name: 'WeCom knowledge base: a group and an intent created, changed, listed and deleted',
		workflow: 'wcomE2eKnowledge1',
		assert({ out, sb }) {
			const [{ group_id: group }] = out('Create group');
			const [{ intent_id: intent }] = out('Create intent');
			const answer = (/** @type {string} */ content) => [{ text: { content }, attachments: [] }];
			const similar = { items: [{ text: { content: '如何退货' } }, { text: { content: '退货流程' } }] };
			assert.deepEqual(weComCalls(sb).calls, [
				post('kf/knowledge/add_group', { name: 'e2e 分组' }),
				post('kf/knowledge/add_intent', { group_id: group, question: { text: { content: '怎么退货？' } }, similar_questions: similar, answers: answer('在订单页点「退货」。') }),
				post('kf/knowledge/mod_intent', { intent_id: intent, answers: answer('在订单页点「申请退货」。') }),
				post('kf/knowledge/list_intent', { group_id: group, limit: 1000 }),
				post('kf/knowledge/del_intent', { intent_id: intent }),
				post('kf/knowledge/mod_group', { group_id: group, name: 'e2e 改名' }),
				post('kf/knowledge/list_group', { limit: 1000 }),
				post('kf/knowledge/del_group', { group_id: group }),
			]);
			assert.deepEqual(out('Create group'), [{ group_id: group, name: 'e2e 分组' }]);
			assert.deepEqual(out('Create intent'), [{ intent_id: intent, group_id: group, question: '怎么退货？' }]);
			assert.deepEqual(out('Update intent'), [{ success: true, intent_id: intent }]);
			assert.deepEqual(out('Intents'), [
				{ intent_id: intent, group_id: group, similar_questions: similar, question: { text: { content: '怎么退货？' } }, answers: answer('在订单页点「申请退货」。') },
			]);
			assert.deepEqual(out('Delete intent'), [{ success: true, intent_id: intent }]);
			assert.deepEqual(out('Update group'), [{ success: true, group_id: group, name: 'e2e 改名' }]);
			const groups = out('Groups');
			assert.deepEqual(groups, [
				{ group_id: groups[0].group_id, name: '默认分组', is_default: 1 },
				{ group_id: 'kbDemoAfterSalesGroup0000000001', name: '售后', is_default: 0 },
				{ group_id: group, name: 'e2e 改名', is_default: 0 },
			]);
			assert.deepEqual(out('Delete group'), [{ success: true, group_id: group }]);
		},
	},
	{
		name: 'WeCom media: upload a JPEG as temporary media and download it again',
		workflow: 'wcomE2eMedia00001',
		assert({ out, binary, sb }) {
			const [up] = out('Upload');
			const mediaId = up.media_id;
			assert.deepEqual(weComCalls(sb).calls, [
				{ call: 'POST /cgi-bin/media/upload', query: { type: 'image' }, json: undefined },
				get('media/get', { media_id: mediaId }),
			]);
			assert.match(mediaId, /^[A-Za-z0-9_-]+$/);
			const iso = new Date((up.created_at + 8 * 3600) * 1000).toISOString().slice(0, 19);
			assert.deepEqual(out('Upload'), [
				{ media_id: mediaId, type: 'image', file_name: 'e2e.jpg', file_size: 6970, created_at: up.created_at, created_at_iso: `${iso}+08:00` },
			]);
			assert.deepEqual(out('Download'), [{ media_id: mediaId, file_name: 'e2e.jpg', mime_type: 'image/jpeg', file_size: 6970 }]);
			const file = binary('Download');
			assert.deepEqual([file.data.mimeType, file.data.fileName], ['image/jpeg', 'e2e.jpg']);
		},
	},
	{
		name: 'WeCom upgrade service: the allowed range, an upgrade to a member, its cancellation',
		workflow: 'wcomE2eUpgrade001',
		assert({ out, sb }) {
			const who = { open_kfid: AFTER_SALES, external_userid: CHEN };
			const member = { userid: 'zhangsan', wording: '张三为您做专属服务' };
			assert.deepEqual(weComCalls(sb).calls, [
				get('kf/customer/get_upgrade_service_config'),
				post('kf/customer/upgrade_service', { ...who, type: 1, member }),
				post('kf/customer/cancel_upgrade_service', who),
			]);
			assert.deepEqual(out('Config'), [
				{ member_range: { userid_list: ['zhangsan'], department_id_list: [3] }, groupchat_range: { chat_id_list: ['wrDemoVipCustomersGroup0000000001'] } },
			]);
			assert.deepEqual(out('Upgrade'), [{ success: true, ...who, type: 1, member }]);
			assert.deepEqual(out('Cancel'), [{ success: true, ...who }]);
		},
	},
];
