import { WECOM_DEMO, weComCustomers } from '../../../sandbox';
import { api, getToken, useWeComSandbox, weComError, type Json } from './helpers';

const ctx = useWeComSandbox('demo');
const { accounts: A, customers: C } = WECOM_DEMO;
const corp = () => ctx.sb.state.wecom.demoCorp;
/** A callback token as the callback would carry it. */
const syncToken = (openKfid: string) => {
	const token = `ENCtest${Math.random().toString(36).slice(2)}`;
	corp().syncTokens.set(token, { open_kfid: openKfid, expiresAt: ctx.sb.clock.now() + 600 });
	return token;
};

async function pullAll(openKfid: string, limit: number, cursor = ''): Promise<{ pages: Json[]; cursor: string }> {
	const token = syncToken(openKfid);
	const accessToken = (await getToken(ctx.sb)).access_token;
	const pages: Json[] = [];
	for (;;) {
		const page = await api(ctx.sb, 'kf/sync_msg', { open_kfid: openKfid, token, limit, ...(cursor ? { cursor } : {}) }, accessToken);
		expect(page.errcode).toBe(0);
		pages.push(page);
		cursor = page.next_cursor;
		if (page.has_more === 0) return { pages, cursor };
	}
}

describe('WeCom sandbox: sync_msg', () => {
	it('returns the demo stream of the last 3 days with WeCom’s fields', async () => {
		const { pages } = await pullAll(A.afterSales, 1000);
		expect(pages).toHaveLength(1);
		const list = pages[0].msg_list as Json[];
		const now = ctx.sb.clock.now();
		expect(list.every((m) => m.send_time > now - 3 * 86400)).toBe(true);
		expect(list.map((m) => [m.origin, m.msgtype, m.event?.event_type ?? m.text?.content ?? m.msgtype])).toEqual([
			[4, 'event', 'enter_session'],
			[3, 'text', '我的订单还没发货'],
			[5, 'text', '您好，已为您催促仓库，今天发出。'],
			[4, 'event', 'servicer_status_change'],
			[3, 'text', '收到的商品有破损'],
			[3, 'image', 'image'],
			[3, 'image', 'image'],
			[4, 'event', 'user_recall_msg'],
			[4, 'event', 'session_status_change'],
			[3, 'text', '请问退款什么时候到账？'],
			[4, 'event', 'enter_session'],
			[3, 'text', 'Hi, do you ship abroad?'],
		]);
		expect(list[1]).toEqual({ msgid: expect.stringMatching(/^[0-9A-Za-z]{32}$/), open_kfid: A.afterSales, external_userid: C.chen, send_time: now - 70 * 3600 + 8, origin: 3, msgtype: 'text', text: { content: '我的订单还没发货' } });
		expect(list[2]).toMatchObject({ origin: 5, servicer_userid: 'zhangsan' });
		expect(list[0].event).toEqual({ event_type: 'enter_session', open_kfid: A.afterSales, external_userid: C.chen, scene: 'order_page', scene_param: 'order=1001', welcome_code: expect.any(String) });
		expect(list[0]).toEqual({ msgid: expect.any(String), send_time: now - 70 * 3600, origin: 4, msgtype: 'event', event: expect.any(Object) });
		expect(list[3].event).toEqual({ event_type: 'servicer_status_change', servicer_userid: 'lisi', status: 2, stop_type: 1, open_kfid: A.afterSales });
		expect(list[7].event).toEqual({ event_type: 'user_recall_msg', open_kfid: A.afterSales, external_userid: C.wang, recall_msgid: list[5].msgid });
		expect(list[8].event).toEqual({ event_type: 'session_status_change', open_kfid: A.afterSales, external_userid: C.wang, change_type: 1, new_servicer_userid: 'zhangsan', msg_code: expect.any(String) });
	});

	it('pages with an opaque cursor and has_more, each message once, and continues from a saved cursor', async () => {
		const all = (await pullAll(A.afterSales, 1000)).pages[0].msg_list.map((m: Json) => m.msgid);
		const { pages, cursor } = await pullAll(A.afterSales, 5);
		expect(pages.map((p) => [p.msg_list.length, p.has_more])).toEqual([
			[5, 1],
			[5, 1],
			[2, 0],
		]);
		expect(pages.flatMap((p) => p.msg_list.map((m: Json) => m.msgid))).toEqual(all);
		expect(cursor.length).toBeLessThanOrEqual(64);
		const later = weComCustomers.customerWrites(corp(), A.afterSales, C.tom, { msgtype: 'text', content: 'Anyone?' });
		const next = await pullAll(A.afterSales, 1000, cursor);
		expect(next.pages[0].msg_list.map((m: Json) => m.msgid)).toEqual([later.msgid]);
	});

	it('answers empty pages with has_more 1 when injected, without moving the cursor', async () => {
		corp().emptyPages.set(A.afterSales, 2);
		const { pages } = await pullAll(A.afterSales, 1000);
		expect(pages.map((p) => [p.msg_list.length, p.has_more])).toEqual([
			[0, 1],
			[0, 1],
			[12, 0],
		]);
	});

	it('returns fewer than the limit when WeCom caps a page', async () => {
		corp().pageCap = 4;
		const { pages } = await pullAll(A.afterSales, 1000);
		expect(pages.map((p) => p.msg_list.length)).toEqual([4, 4, 4]);
	});

	it('keeps messages 3 days', async () => {
		const first = (await pullAll(A.afterSales, 1000)).pages[0].msg_list.length;
		// 陈小姐's enter_session and first message were 70 hours old; 张三's reply 69 hours.
		ctx.sb.clock.advance(2 * 3600 + 10);
		expect((await pullAll(A.afterSales, 1000)).pages[0].msg_list.length).toBe(first - 2);
		ctx.sb.clock.advance(3600);
		expect((await pullAll(A.afterSales, 1000)).pages[0].msg_list.length).toBe(first - 3);
	});

	it('gives a voice message in amr or silk', async () => {
		const amr = (await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.booking, token: syncToken(A.booking) })).msg_list.find((m: Json) => m.msgtype === 'voice');
		const silk = (await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.booking, token: syncToken(A.booking), voice_format: 1 })).msg_list.find((m: Json) => m.msgtype === 'voice');
		expect(corp().media.get(amr.voice.media_id)?.mimeType).toBe('audio/amr');
		expect(corp().media.get(silk.voice.media_id)?.mimeType).toBe('audio/silk');
		expect(await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.booking, token: syncToken(A.booking), voice_format: 2 })).toEqual(weComError(40058, 'invalid Request Parameter: voice_format must be an integer from 0 to 1'));
	});

	it('takes the callback token for 10 minutes, for its account only (95007)', async () => {
		const token = syncToken(A.afterSales);
		expect(await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.booking, token })).toEqual(weComError(95007, 'invalid msg token'));
		ctx.sb.clock.advance(599);
		expect((await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.afterSales, token })).errcode).toBe(0);
		ctx.sb.clock.advance(1);
		expect(await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.afterSales, token })).toEqual(weComError(95007, 'invalid msg token'));
		expect(await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.afterSales, token: 'forged' })).toEqual(weComError(95007, 'invalid msg token'));
	});

	it('allows 10 calls a minute without a token (45009 beyond)', async () => {
		const accessToken = (await getToken(ctx.sb)).access_token;
		for (let i = 0; i < 10; i += 1) expect((await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.afterSales, limit: 1 }, accessToken)).errcode).toBe(0);
		expect(await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.afterSales, limit: 1 }, accessToken)).toEqual(weComError(45009, 'api freq out of limit'));
		expect((await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.afterSales, token: syncToken(A.afterSales) }, accessToken)).errcode).toBe(0);
		ctx.sb.clock.advance(60);
		expect((await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.afterSales, limit: 1 }, accessToken)).errcode).toBe(0);
	});

	it.each([
		['no open_kfid', {}, 40058, 'invalid Request Parameter: open_kfid missing'],
		['an empty open_kfid', { open_kfid: '' }, 40058, 'invalid Request Parameter: field open_kfid unexpected empty string'],
		['a limit over 1000', { open_kfid: A.afterSales, limit: 1001 }, 40058, 'invalid Request Parameter: limit must be an integer from 1 to 1000'],
		['another account’s cursor', { open_kfid: A.booking, cursor: Buffer.from(`sync:${A.afterSales}:3`).toString('base64url') }, 40058, 'invalid Request Parameter: invalid cursor'],
		['a made-up cursor', { open_kfid: A.afterSales, cursor: 'abc' }, 40058, 'invalid Request Parameter: invalid cursor'],
	])('refuses %s', async (_what, b, errcode, message) => {
		expect(await api(ctx.sb, 'kf/sync_msg', b)).toEqual(weComError(errcode as number, message as string));
	});
});
