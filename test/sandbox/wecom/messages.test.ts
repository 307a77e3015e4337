import { WECOM_DEMO, weComCustomers } from '../../../sandbox';
import { api, JPEG, upload, useWeComSandbox, weComError } from './helpers';

const ctx = useWeComSandbox('demo');
const { accounts: A, customers: C } = WECOM_DEMO;
const corp = () => ctx.sb.state.wecom.demoCorp;

const text = (touser: string, content = '您好', extra: object = {}, account: string = A.afterSales) =>
	api(ctx.sb, 'kf/send_msg', { touser, open_kfid: account, msgtype: 'text', text: { content }, ...extra });

describe('WeCom sandbox: send_msg, the 48-hour / 5-message rule and the session state', () => {
	it('sends 5 messages per customer message, then 95001 until the customer writes again', async () => {
		for (let i = 1; i <= 5; i += 1) expect(await text(C.chen, `第${i}条`, { msgid: `reply_${i}` })).toEqual({ errcode: 0, errmsg: 'ok', msgid: `reply_${i}` });
		expect(await text(C.chen, '第6条')).toEqual(weComError(95001, 'send msg count limit'));
		weComCustomers.customerWrites(corp(), A.afterSales, C.chen, { msgtype: 'text', content: '好的' });
		expect(await text(C.chen, '又可以了')).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.stringMatching(/^[0-9A-Za-z]{32}$/) });
		expect(corp().sent.map((m) => m.body.text)).toEqual([1, 2, 3, 4, 5].map((i) => ({ content: `第${i}条` })).concat({ content: '又可以了' }));
	});

	it('refuses after 48 hours without a customer message (95002), and a customer who never wrote', async () => {
		ctx.sb.clock.advance(48 * 3600 - 20 * 60 - 1);
		expect((await text(C.chen)).errcode).toBe(0);
		ctx.sb.clock.advance(1);
		expect(await text(C.chen)).toEqual(weComError(95002, 'send msg time limit'));
		expect(await text(C.li)).toEqual(weComError(95002, 'send msg time limit'));
	});

	it('refuses while a human servicer (3) or the pool (2) has the session: 95018', async () => {
		expect(await text(C.wang)).toEqual(weComError(95018, 'send msg session status invalid'));
		expect(await text(C.zhao, '您好', {}, A.booking)).toEqual(weComError(95018, 'send msg session status invalid'));
		expect((await text(C.li, '您好', {}, A.booking)).errcode).toBe(0);
	});

	it('does not count a refused message', async () => {
		expect((await api(ctx.sb, 'kf/send_msg', { touser: C.chen, open_kfid: A.afterSales, msgtype: 'text', text: { content: 'x'.repeat(2049) } })).errcode).toBe(40058);
		expect(corp().session(A.afterSales, C.chen).sentSinceCustomerMessage).toBe(0);
	});

	it.each([
		['msgid with a space', { msgid: 'a b' }, 40058, 'invalid Request Parameter: msgid must be 1-32 characters of [0-9a-zA-Z_-]'],
		['msgid of 33 characters', { msgid: 'a'.repeat(33) }, 40058, 'invalid Request Parameter: msgid must be 1-32 characters of [0-9a-zA-Z_-]'],
		['an unknown customer', { touser: 'wmNobody' }, 40096, 'invalid external userid'],
		['an unknown account', { open_kfid: 'wkNobody' }, 95004, 'open_kfid not exist'],
		['an unknown msgtype', { msgtype: 'music', music: {} }, 40008, 'invalid message type'],
		['text over 2048 bytes', { text: { content: '字'.repeat(683) } }, 40058, 'invalid Request Parameter: text.content exceeds 2048 bytes'],
		['no text object', { text: undefined }, 40058, 'invalid Request Parameter: text missing'],
		['an image without media_id', { msgtype: 'image', image: {} }, 40058, 'invalid Request Parameter: image.media_id missing'],
		['an unknown media_id', { msgtype: 'file', file: { media_id: 'nope' } }, 40007, 'invalid media_id'],
		['a link without url', { msgtype: 'link', link: { title: 't', thumb_media_id: 'x' } }, 40058, 'invalid Request Parameter: link.url missing'],
		['a miniprogram title over 64 bytes', { msgtype: 'miniprogram', miniprogram: { appid: 'wx1', title: 'x'.repeat(65), pagepath: 'p', thumb_media_id: 'x' } }, 40058, 'invalid Request Parameter: miniprogram.title exceeds 64 bytes'],
		['11 menu items', { msgtype: 'msgmenu', msgmenu: { list: Array.from({ length: 11 }, (_, i) => ({ type: 'click', click: { id: String(i), content: 'c' } })) } }, 95008, 'msgmenu item count limit'],
		['a menu item of an unknown type', { msgtype: 'msgmenu', msgmenu: { list: [{ type: 'phone', phone: { content: '1' } }] } }, 95009, 'invalid msgmenu item type: msgmenu.list[0]'],
		['a view item without url', { msgtype: 'msgmenu', msgmenu: { list: [{ type: 'view', view: { content: 'c' } }] } }, 40058, 'invalid Request Parameter: msgmenu.list[0].view.url missing'],
		['a location without coordinates', { msgtype: 'location', location: { name: 'x' } }, 40058, 'invalid Request Parameter: location.latitude and location.longitude must be numbers'],
	])('refuses %s', async (_what, change, errcode, message) => {
		const res = await api(ctx.sb, 'kf/send_msg', { touser: C.chen, open_kfid: A.afterSales, msgtype: 'text', text: { content: 'hi' }, ...change });
		expect(res).toEqual(weComError(errcode as number, message as string));
		expect(corp().sent).toEqual([]);
	});

	it('sends every type with its required fields', async () => {
		const image = (await upload(ctx.sb, 'image', JPEG)).media_id;
		const bodies = [
			{ msgtype: 'image', image: { media_id: image } },
			{ msgtype: 'link', link: { title: '订单', desc: '详情', url: 'https://example.com', thumb_media_id: image } },
			{ msgtype: 'miniprogram', miniprogram: { appid: 'wx123', title: '小程序', pagepath: 'pages/index', thumb_media_id: image } },
			{ msgtype: 'msgmenu', msgmenu: { head_content: '请选择', list: [{ type: 'click', click: { id: '101', content: '满意' } }, { type: 'view', view: { url: 'https://example.com', content: '看看' } }, { type: 'miniprogram', miniprogram: { appid: 'wx1', pagepath: 'p', content: '打开' } }, { type: 'text', text: { content: '纯文本', no_newline: 0 } }], tail_content: '谢谢' } },
			{ msgtype: 'location', location: { name: '广州塔', address: '阅江西路222号', latitude: 23.1, longitude: 113.3 } },
		];
		for (const b of bodies) expect((await api(ctx.sb, 'kf/send_msg', { touser: C.chen, open_kfid: A.afterSales, ...b })).errcode).toBe(0);
		expect(corp().sent.map((m) => m.msgtype)).toEqual(['image', 'link', 'miniprogram', 'msgmenu', 'location']);
	});

	it('does not show API sends in sync_msg', async () => {
		const before = corp().stream.length;
		await text(C.chen);
		expect(corp().stream.length).toBe(before);
	});
});

describe('WeCom sandbox: send_msg_on_event', () => {
	const onEvent = (code: string, content = '欢迎光临') => api(ctx.sb, 'kf/send_msg_on_event', { code, msgtype: 'text', text: { content } });

	it('accepts a welcome code once within 20 seconds of the sandbox clock', async () => {
		const entered = weComCustomers.customerEnters(corp(), A.booking, C.chen, { scene: 'qr' });
		const code = entered.content.welcome_code as string;
		ctx.sb.clock.advance(19);
		expect(await onEvent(code)).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(String) });
		expect(await onEvent(code)).toEqual(weComError(40058, 'invalid Request Parameter: code already used'));
		expect(corp().sent[0]).toMatchObject({ via: 'send_msg_on_event', code, touser: C.chen, open_kfid: A.booking });
	});

	it('refuses a welcome code after 20 seconds, and one whose session has moved on', async () => {
		const late = weComCustomers.customerEnters(corp(), A.booking, C.chen).content.welcome_code as string;
		ctx.sb.clock.advance(20);
		expect(await onEvent(late)).toEqual(weComError(40058, 'invalid Request Parameter: code expired'));
		const moved = weComCustomers.customerEnters(corp(), A.booking, C.tom).content.welcome_code as string;
		weComCustomers.customerWrites(corp(), A.booking, C.tom, { msgtype: 'text', content: '在吗' });
		expect(await onEvent(moved)).toEqual(weComError(95013, 'session is end'));
		expect(await onEvent('nope')).toEqual(weComError(40058, 'invalid Request Parameter: invalid code'));
	});

	it('gives no welcome code when the account sent the customer a message in the last 48 hours', async () => {
		expect(weComCustomers.customerEnters(corp(), A.afterSales, C.chen).content.welcome_code).toEqual(expect.any(String));
		await text(C.chen);
		ctx.sb.clock.advance(48 * 3600 - 1);
		expect(weComCustomers.customerEnters(corp(), A.afterSales, C.chen).content.welcome_code).toBeUndefined();
		ctx.sb.clock.advance(1);
		expect(weComCustomers.customerEnters(corp(), A.afterSales, C.chen).content.welcome_code).toEqual(expect.any(String));
	});

	it('takes text or a menu with a welcome code, only text with a queue code', async () => {
		const welcome = weComCustomers.customerEnters(corp(), A.booking, C.chen).content.welcome_code as string;
		expect(await api(ctx.sb, 'kf/send_msg_on_event', { code: welcome, msgtype: 'image', image: { media_id: 'x' } })).toEqual(weComError(40008, 'invalid message type'));
		const queued = await api(ctx.sb, 'kf/service_state/trans', { open_kfid: A.afterSales, external_userid: C.chen, service_state: 2 });
		expect(await api(ctx.sb, 'kf/send_msg_on_event', { code: queued.msg_code, msgtype: 'msgmenu', msgmenu: { list: [] } })).toEqual(weComError(40008, 'invalid message type'));
		expect((await onEvent(queued.msg_code, '请稍候')).errcode).toBe(0);
	});
});

describe('WeCom sandbox: recall_msg', () => {
	it('recalls within 2 minutes and still counts the message', async () => {
		const sent = await text(C.chen, '发错了', { msgid: 'oops' });
		ctx.sb.clock.advance(120);
		expect(await api(ctx.sb, 'kf/recall_msg', { open_kfid: A.afterSales, msgid: sent.msgid })).toEqual({ errcode: 0, errmsg: 'ok' });
		expect(corp().sent[0].recalled).toBe(true);
		expect(corp().session(A.afterSales, C.chen).sentSinceCustomerMessage).toBe(1);
		expect(await api(ctx.sb, 'kf/recall_msg', { open_kfid: A.afterSales, msgid: 'oops' })).toEqual(weComError(40058, 'invalid Request Parameter: invalid msgid'));
	});

	it('refuses after 2 minutes', async () => {
		await text(C.chen, '太晚了', { msgid: 'late' });
		ctx.sb.clock.advance(121);
		expect(await api(ctx.sb, 'kf/recall_msg', { open_kfid: A.afterSales, msgid: 'late' })).toEqual(weComError(40058, 'invalid Request Parameter: the message was sent more than 2 minutes ago'));
	});
});
