import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, WECOM_DEMO } from '../../../sandbox';
import { api, FROZEN_AT, getToken, JPEG, upload, useWeComSandbox, weComError, type Json } from './helpers';

const ctx = useWeComSandbox('demo');
const { accounts: A, customers: C } = WECOM_DEMO;
const DAY = 86400;
/** 00:00 China time of the frozen day. */
const TODAY = Date.UTC(2026, 11, 6, 16, 0, 0) / 1000;

describe('WeCom sandbox: statistics', () => {
	it('answers one entry per day, the same figures on every call', async () => {
		const b = { open_kfid: A.afterSales, start_time: TODAY - 3 * DAY + 3600, end_time: TODAY - DAY };
		const res = await api(ctx.sb, 'kf/get_corp_statistic', b);
		expect(res.statistic_list.map((d: Json) => d.stat_time)).toEqual([TODAY - 3 * DAY, TODAY - 2 * DAY, TODAY - DAY]);
		expect(Object.keys(res.statistic_list[0].statistic)).toEqual(['session_cnt', 'customer_cnt', 'customer_msg_cnt', 'upgrade_service_customer_cnt', 'ai_session_reply_cnt', 'ai_transfer_rate', 'ai_knowledge_hit_rate', 'msg_rejected_customer_cnt']);
		expect(await api(ctx.sb, 'kf/get_corp_statistic', b)).toEqual(res);
		const servicer = await api(ctx.sb, 'kf/get_servicer_statistic', { ...b, servicer_userid: 'zhangsan' });
		expect(servicer.statistic_list).toHaveLength(3);
		expect(servicer.statistic_list[0].statistic).toHaveProperty('first_reply_average_sec');
		expect(await api(ctx.sb, 'kf/get_servicer_statistic', { ...b, servicer_userid: 'wangwu' })).toEqual(weComError(95014, 'user is not servicer'));
	});

	it.each([
		['today', TODAY - DAY, TODAY, "a day's statistics are ready the next day"],
		['32 days', TODAY - 32 * DAY, TODAY - DAY, 'at most 31 days per query'],
		['older than 180 days', TODAY - 181 * DAY, TODAY - 180 * DAY, 'only the last 180 days are kept'],
		['an end before the start', TODAY - DAY, TODAY - 2 * DAY, 'end_time is before start_time'],
	])('refuses %s', async (_what, start, end, message) => {
		expect(await api(ctx.sb, 'kf/get_corp_statistic', { open_kfid: A.afterSales, start_time: start, end_time: end })).toEqual(weComError(40058, `invalid Request Parameter: ${message}`));
	});

	it('accepts exactly 31 days ending yesterday and the 180th day back', async () => {
		expect((await api(ctx.sb, 'kf/get_corp_statistic', { open_kfid: A.afterSales, start_time: TODAY - 31 * DAY, end_time: TODAY - DAY })).statistic_list).toHaveLength(31);
		expect((await api(ctx.sb, 'kf/get_corp_statistic', { open_kfid: A.afterSales, start_time: TODAY - 180 * DAY, end_time: TODAY - 180 * DAY })).statistic_list).toHaveLength(1);
		expect(FROZEN_AT - TODAY).toBe(10 * 3600);
	});
});

describe('WeCom sandbox: knowledge base', () => {
	it('lists the default and demo groups, pages by cursor, and protects the default group', async () => {
		const all = await api(ctx.sb, 'kf/knowledge/list_group', {});
		expect(all).toEqual({ errcode: 0, errmsg: 'ok', next_cursor: '', has_more: 0, group_list: [{ group_id: expect.any(String), name: '默认分组', is_default: 1 }, { group_id: 'kbDemoAfterSalesGroup0000000001', name: '售后', is_default: 0 }] });
		const first = await api(ctx.sb, 'kf/knowledge/list_group', { limit: 1 });
		expect([first.has_more, first.group_list.length]).toEqual([1, 1]);
		const second = await api(ctx.sb, 'kf/knowledge/list_group', { limit: 1, cursor: first.next_cursor });
		expect(second.group_list[0].name).toBe('售后');
		expect(second.has_more).toBe(0);
		const refused = weComError(40058, 'invalid Request Parameter: the default group cannot be changed');
		expect(await api(ctx.sb, 'kf/knowledge/mod_group', { group_id: all.group_list[0].group_id, name: 'x' })).toEqual(refused);
		expect(await api(ctx.sb, 'kf/knowledge/del_group', { group_id: all.group_list[0].group_id })).toEqual(refused);
	});

	it('checks group names: ≤12 characters, unique', async () => {
		expect(await api(ctx.sb, 'kf/knowledge/add_group', { name: '一'.repeat(12) })).toEqual({ errcode: 0, errmsg: 'ok', group_id: expect.any(String) });
		expect(await api(ctx.sb, 'kf/knowledge/add_group', { name: '一'.repeat(13) })).toEqual(weComError(40058, 'invalid Request Parameter: name must be 1-12 characters'));
		expect(await api(ctx.sb, 'kf/knowledge/add_group', { name: '售后' })).toEqual(weComError(40058, 'invalid Request Parameter: group name already exists'));
	});

	it('adds, changes, lists and deletes intents with WeCom’s limits', async () => {
		const group = 'kbDemoAfterSalesGroup0000000001';
		const intent = { group_id: group, question: { text: { content: '可以开发票吗？' } }, similar_questions: { items: [{ text: { content: '发票' } }] }, answers: [{ text: { content: '可以，请提供抬头。' }, attachments: [{ msgtype: 'link', link: { title: '开票说明', url: 'https://example.com' } }] }] };
		const added = await api(ctx.sb, 'kf/knowledge/add_intent', intent);
		expect(added).toEqual({ errcode: 0, errmsg: 'ok', intent_id: expect.any(String) });
		expect(await api(ctx.sb, 'kf/knowledge/mod_intent', { intent_id: added.intent_id, answers: [{ text: { content: '可以。' } }] })).toEqual({ errcode: 0, errmsg: 'ok' });
		const listed = await api(ctx.sb, 'kf/knowledge/list_intent', { intent_id: added.intent_id });
		expect(listed.intent_list).toEqual([{ intent_id: added.intent_id, group_id: group, question: { text: { content: '可以开发票吗？' } }, similar_questions: { items: [{ text: { content: '发票' } }] }, answers: [{ text: { content: '可以。' }, attachments: [] }] }]);
		expect((await api(ctx.sb, 'kf/knowledge/list_intent', { group_id: group })).intent_list).toHaveLength(3);
		const bad = (change: object) => api(ctx.sb, 'kf/knowledge/add_intent', { ...intent, question: { text: { content: '新问题' } }, ...change });
		expect(await bad({ question: { text: { content: '问'.repeat(201) } } })).toEqual(weComError(40058, 'invalid Request Parameter: question.text.content exceeds 200 characters'));
		expect(await bad({ question: { text: { content: '可以开发票吗？' } } })).toEqual(weComError(40058, 'invalid Request Parameter: question already exists'));
		expect(await bad({ similar_questions: { items: Array.from({ length: 101 }, (_, i) => ({ text: { content: `q${i}` } })) } })).toEqual(weComError(40058, 'invalid Request Parameter: at most 100 similar questions'));
		expect(await bad({ answers: [{ text: { content: '答'.repeat(501) } }] })).toEqual(weComError(40058, 'invalid Request Parameter: answers[0].text.content exceeds 500 characters'));
		expect(await bad({ answers: [{ text: { content: 'a' } }, { text: { content: 'b' } }] })).toEqual(weComError(40058, 'invalid Request Parameter: answers must hold exactly 1 answer'));
		expect(await bad({ answers: [{ text: { content: 'a' }, attachments: Array.from({ length: 5 }, () => ({ msgtype: 'image', image: { media_id: 'm' } })) }] })).toEqual(weComError(40058, 'invalid Request Parameter: at most 4 attachments'));
		expect(await api(ctx.sb, 'kf/knowledge/del_intent', { intent_id: added.intent_id })).toEqual({ errcode: 0, errmsg: 'ok' });
		expect(await api(ctx.sb, 'kf/knowledge/del_intent', { intent_id: added.intent_id })).toEqual(weComError(40058, 'invalid Request Parameter: invalid intent_id'));
	});
});

describe('WeCom sandbox: upgrade service', () => {
	it('reads the configured ranges and upgrades to a member or a group within them', async () => {
		expect(await api(ctx.sb, 'kf/customer/get_upgrade_service_config')).toEqual({ errcode: 0, errmsg: 'ok', member_range: { userid_list: ['zhangsan'], department_id_list: [3] }, groupchat_range: { chat_id_list: [WECOM_DEMO.groupChat] } });
		const base = { open_kfid: A.afterSales, external_userid: C.chen };
		expect(await api(ctx.sb, 'kf/customer/upgrade_service', { ...base, type: 1, member: { userid: 'wangwu', wording: '王五为您服务' } })).toEqual({ errcode: 0, errmsg: 'ok' });
		expect(await api(ctx.sb, 'kf/customer/upgrade_service', { ...base, type: 1, member: { userid: 'lisi' } })).toEqual(weComError(40058, 'invalid Request Parameter: member.userid is not in the member range'));
		expect(await api(ctx.sb, 'kf/customer/upgrade_service', { ...base, type: 2, groupchat: { chat_id: WECOM_DEMO.groupChat } })).toEqual({ errcode: 0, errmsg: 'ok' });
		expect(await api(ctx.sb, 'kf/customer/cancel_upgrade_service', base)).toEqual({ errcode: 0, errmsg: 'ok' });
		expect(await api(ctx.sb, 'kf/customer/cancel_upgrade_service', base)).toEqual(weComError(40058, 'invalid Request Parameter: no upgrade service to cancel'));
	});
});

describe('WeCom sandbox: temporary media', () => {
	it('uploads and downloads with a WeCom token; the Official Account token still reaches its own media', async () => {
		const up = await upload(ctx.sb, 'file', Buffer.from('hello, sandbox'), '说明.txt');
		expect(up).toEqual({ errcode: 0, errmsg: 'ok', type: 'file', media_id: expect.stringMatching(/^3/), created_at: String(FROZEN_AT) });
		const token = (await getToken(ctx.sb)).access_token;
		const res = await fetch(`${ctx.sb.url}/cgi-bin/media/get?access_token=${token}&media_id=${up.media_id}`);
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${encodeURIComponent('说明.txt')}"`);
		expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('hello, sandbox');
		ctx.sb.clock.advance(3 * DAY);
		expect(await (await fetch(`${ctx.sb.url}/cgi-bin/media/get?access_token=${(await getToken(ctx.sb)).access_token}&media_id=${up.media_id}`)).json()).toEqual(weComError(40007, 'invalid media_id'));
		const oa = (await (await fetch(`${ctx.sb.url}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: SANDBOX_APP_ID, secret: SANDBOX_APP_SECRET }) })).json()) as Json;
		const oaUpload = await upload(ctx.sb, 'thumb', JPEG, 'thumb.jpg', oa.access_token);
		expect(oaUpload).toEqual({ type: 'thumb', thumb_media_id: expect.any(String), created_at: expect.any(Number) });
	});

	it.each([
		['an unknown type', 'thumb', JPEG, 40004, 'invalid media type'],
		['a GIF as image', 'image', Buffer.from('GIF89a0123456789'), 40005, 'invalid file type'],
		['an MP3 as voice', 'voice', Buffer.concat([Buffer.from('ID3'), Buffer.alloc(100)]), 40005, 'invalid file type'],
		['a file of 5 bytes', 'file', Buffer.from('12345'), 40006, 'invalid file size'],
	])('refuses %s', async (_what, type, bytes, errcode, message) => {
		expect(await upload(ctx.sb, type, bytes)).toEqual(weComError(errcode, message));
	});
});
