import type { INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, runWeCom } from '../helpers/wecom';

const ctx = useSandbox('demo');
const GROUP = 'kbDemoAfterSalesGroup0000000001';
const REFUND = 'kbDemoRefund0000000000000000001';

const kb = (parameters: INodeParameters, options = {}) => runWeCom(ctx.sb, { resource: 'knowledgeBase', ...parameters }, options);

function calls() {
	return ctx.sb.requests.filter((r) => r.path !== '/cgi-bin/gettoken').map((r) => ({ path: r.path, json: r.json }));
}

describe('WeCom Knowledge Base: groups', () => {
	it('creates, renames and deletes a group', async () => {
		const created = await kb({ operation: 'createGroup', name: '物流' });
		expect(created.error).toBeUndefined();
		const [group] = created.json(WECOM_NODE_NAME);
		expect(group).toEqual({ group_id: expect.stringMatching(/^\w+$/), name: '物流' });
		const renamed = await kb({ operation: 'updateGroup', groupId: group.group_id as string, name: '物流配送' });
		expect(renamed.json(WECOM_NODE_NAME)).toEqual([{ success: true, group_id: group.group_id, name: '物流配送' }]);
		const deleted = await kb({ operation: 'deleteGroup', groupId: group.group_id as string });
		expect(deleted.json(WECOM_NODE_NAME)).toEqual([{ success: true, group_id: group.group_id }]);
		expect(calls()).toEqual([
			{ path: '/cgi-bin/kf/knowledge/add_group', json: { name: '物流' } },
			{ path: '/cgi-bin/kf/knowledge/mod_group', json: { group_id: group.group_id, name: '物流配送' } },
			{ path: '/cgi-bin/kf/knowledge/del_group', json: { group_id: group.group_id } },
		]);
	});

	it('refuses a group name longer than 12 characters before any request', async () => {
		const run = await kb({ operation: 'createGroup', name: '一二三四五六七八九十一二三' });
		expect(run.error?.message).toBe('"Name" must be at most 12 characters, got 13');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('lists the groups, stopping at Limit', async () => {
		const all = await kb({ operation: 'getManyGroups', returnAll: true });
		expect(all.json(WECOM_NODE_NAME)).toEqual([
			{ group_id: expect.any(String), name: '默认分组', is_default: 1 },
			{ group_id: GROUP, name: '售后', is_default: 0 },
		]);
		const one = await kb({ operation: 'getManyGroups', returnAll: false, limit: 1 });
		expect(one.json(WECOM_NODE_NAME).map((g) => g.name)).toEqual(['默认分组']);
		expect(calls().map((c) => c.json)).toEqual([{ limit: 1000 }, { limit: 1 }]);
	});
});

describe('WeCom Knowledge Base: intents', () => {
	it('creates an intent with similar questions and attachments in WeCom’s shape', async () => {
		const run = await kb({
			operation: 'createIntent',
			groupId: GROUP,
			question: '可以开发票吗？',
			similarQuestions: '能开发票吗\n\n 发票怎么开 ',
			answer: '可以，下单后在订单页申请。',
			attachments: {
				attachment: [
					{ type: 'link', title: '开票说明', url: 'https://example.com/invoice', desc: '三步开票', picUrl: '' },
					{ type: 'miniprogram', title: '订单', appId: 'wx0123456789abcdef', pagePath: 'pages/order', thumbMediaId: 'MEDIA_THUMB' },
				],
			},
		});
		expect(run.error).toBeUndefined();
		const [intent] = run.json(WECOM_NODE_NAME);
		expect(intent).toEqual({ intent_id: expect.stringMatching(/^\w+$/), group_id: GROUP, question: '可以开发票吗？' });
		expect(calls()).toEqual([
			{
				path: '/cgi-bin/kf/knowledge/add_intent',
				json: {
					group_id: GROUP,
					question: { text: { content: '可以开发票吗？' } },
					similar_questions: { items: [{ text: { content: '能开发票吗' } }, { text: { content: '发票怎么开' } }] },
					answers: [
						{
							text: { content: '可以，下单后在订单页申请。' },
							attachments: [
								{ msgtype: 'link', link: { title: '开票说明', url: 'https://example.com/invoice', desc: '三步开票', picurl: '' } },
								{
									msgtype: 'miniprogram',
									miniprogram: { title: '订单', appid: 'wx0123456789abcdef', pagepath: 'pages/order', thumb_media_id: 'MEDIA_THUMB' },
								},
							],
						},
					],
				},
			},
		]);
	});

	it('checks WeCom’s limits before any request', async () => {
		const base = { operation: 'createIntent', groupId: GROUP, question: '问题', answer: '回答' };
		const cases: Array<[INodeParameters, string]> = [
			[{ question: 'q'.repeat(201) }, '"Question" must be at most 200 characters, got 201'],
			[{ answer: '答'.repeat(501) }, '"Answer" must be at most 500 characters, got 501'],
			[{ similarQuestions: `={{ ${JSON.stringify(Array.from({ length: 101 }, (_, i) => `问${i}`))} }}` }, '"Similar Questions" must hold at most 100 questions, got 101'],
			[{ similarQuestions: `ok\n${'长'.repeat(201)}` }, '"Similar Questions" question 2 must be at most 200 characters, got 201'],
			[{ attachments: { attachment: [{ type: 'image', mediaId: 'M1' }, { type: 'video', mediaId: '' }] } }, '"Attachment 2 > Media ID" is required but empty'],
			[
				{ attachments: { attachment: Array.from({ length: 5 }, (_, i) => ({ type: 'image', mediaId: `M${i}` })) } },
				'"Attachments" must hold at most 4 attachments, got 5',
			],
		];
		for (const [change, message] of cases) {
			const run = await kb({ ...base, ...change });
			expect(run.error?.message).toBe(message);
		}
		const empty = await kb({ operation: 'updateIntent', intentId: REFUND, updateFields: {} });
		expect(empty.error?.message).toBe('"Update Fields" is empty: add the question, similar questions or answer to change');
		const attachmentsAlone = await kb({ operation: 'updateIntent', intentId: REFUND, updateFields: { attachments: { attachment: [{ type: 'image', mediaId: 'M' }] } } });
		expect(attachmentsAlone.error?.message).toBe('"Attachments" go with the answer: add the Answer field too (WeCom replaces the whole answer)');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('updates only the fields added, and deletes an intent', async () => {
		const updated = await kb({ operation: 'updateIntent', intentId: REFUND, updateFields: { question: '退款几天到账？', similarQuestions: '' } });
		expect(updated.json(WECOM_NODE_NAME)).toEqual([{ success: true, intent_id: REFUND }]);
		const deleted = await kb({ operation: 'deleteIntent', intentId: REFUND });
		expect(deleted.json(WECOM_NODE_NAME)).toEqual([{ success: true, intent_id: REFUND }]);
		expect(calls()).toEqual([
			{ path: '/cgi-bin/kf/knowledge/mod_intent', json: { intent_id: REFUND, question: { text: { content: '退款几天到账？' } }, similar_questions: { items: [] } } },
			{ path: '/cgi-bin/kf/knowledge/del_intent', json: { intent_id: REFUND } },
		]);
	});

	it('pages through every intent by cursor (Return All) and stops at Limit', async () => {
		const corp = ctx.sb.state.wecom.demoCorp;
		for (let i = 0; i < 2300; i++) {
			const id = `kbBulk${String(i).padStart(26, '0')}`;
			corp.intents.set(id, {
				intent_id: id,
				group_id: GROUP,
				question: { text: { content: `问题${i}` } },
				similar_questions: { items: [] },
				answers: [{ text: { content: '回答' }, attachments: [] }],
			});
		}
		const all = await kb({ operation: 'getManyIntents', returnAll: true });
		expect(all.json(WECOM_NODE_NAME)).toHaveLength(2302);
		const pages = calls().map((c) => c.json as { cursor?: string; limit: number });
		expect(pages.map((p) => [typeof p.cursor, p.limit])).toEqual([
			['undefined', 1000],
			['string', 1000],
			['string', 1000],
		]);
		ctx.sb.requests.length = 0;
		const some = await kb({ operation: 'getManyIntents', returnAll: false, limit: 1500, options: { groupId: GROUP } });
		expect(some.json(WECOM_NODE_NAME)).toHaveLength(1500);
		expect(calls().map((c) => ({ ...(c.json as object), cursor: undefined }))).toEqual([
			{ group_id: GROUP, limit: 1000, cursor: undefined },
			{ group_id: GROUP, limit: 500, cursor: undefined },
		]);
		expect(some.json(WECOM_NODE_NAME)[0]).toEqual({
			intent_id: REFUND,
			group_id: GROUP,
			question: { text: { content: '退款多久到账？' } },
			similar_questions: { items: [{ text: { content: '退款什么时候到' } }, { text: { content: '钱什么时候退回来' } }] },
			answers: [{ text: { content: '退款会在 1–3 个工作日内原路退回。' }, attachments: [] }],
		});
	});

	it('says what may have happened when WeCom answers busy to a change, and how to check', async () => {
		ctx.sb.setFault('/cgi-bin/kf/knowledge/add_group', { errcode: -1, times: 1 });
		const run = await kb({ operation: 'createGroup', name: '物流' });
		expect(run.error?.message).toMatch(
			/^WeCom is busy\. WeCom: .*\(errcode -1\)\. WeCom may have created the group anyway: check with Knowledge Base → Get Many Groups before running it again$/,
		);
		expect(ctx.sb.requestsTo('/cgi-bin/kf/knowledge/add_group')).toHaveLength(1);
	});

	it('explains an app without the API (48002)', async () => {
		ctx.sb.state.wecom.demoCorp.apiForbidden = true;
		const run = await kb({ operation: 'getManyGroups', returnAll: true });
		expect(run.error?.message).toMatch(/^This app may not call this API, or may not manage this account\. WeCom: api forbidden.*\(errcode 48002\)$/);
		expect(run.error?.description).toContain('In WeCom admin → 微信客服 → API, give this self-built app the API');
	});
});
