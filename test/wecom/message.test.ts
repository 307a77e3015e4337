import { WECOM_DEMO, weComCustomers } from '../../sandbox';
import { partsOf, sampleFile, KB } from '../helpers/mediaFiles';
import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, runWeCom } from '../helpers/wecom';
import { runWeComWithFiles } from '../fixtures/wecom/binaryItems';

const ctx = useSandbox('demo');

const { afterSales } = WECOM_DEMO.accounts;
const { chen, wang } = WECOM_DEMO.customers;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const calls = () => ctx.sb.requests.map((r) => `${r.method} ${r.path}`);
/** WeCom's errmsg carries a per-request hint number: the rest must match exactly. */
const withoutHint = (message: string | undefined) => message?.replace(/hint: \[\d+\]/, 'hint: [·]');
const weComSays = (errmsg: string, errcode: number) =>
	`WeCom: ${errmsg}, hint: [·], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode} (errcode ${errcode})`;

const send = (extra: object) => ({ resource: 'message', operation: 'send', openKfId: byId(afterSales), externalUserId: chen, ...extra });

describe('WeCom Message: Send', () => {
	it('is the default operation of the default resource', async () => {
		const run = await runWeCom(ctx.sb, { openKfId: byId(afterSales), externalUserId: chen, text: '您好' });
		expect(run.error).toBeUndefined();
		expect(calls()).toEqual(['GET /cgi-bin/gettoken', 'POST /cgi-bin/kf/send_msg']);
	});

	it('sends a text and outputs the msgid WeCom gave', async () => {
		const run = await runWeCom(ctx.sb, send({ messageType: 'text', text: '退款已处理，1–3 个工作日到账。' }));
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requests[1].json).toEqual({ touser: chen, open_kfid: afterSales, msgtype: 'text', text: { content: '退款已处理，1–3 个工作日到账。' } });
		const sent = ctx.sb.state.wecom.demoCorp.sent;
		expect(run.json(WECOM_NODE_NAME)).toEqual([{ msgid: sent[0].msgid, open_kfid: afterSales, external_userid: chen, msgtype: 'text' }]);
	});

	it('sends with the msgid given in Options, and refuses a bad one before any request', async () => {
		const run = await runWeCom(ctx.sb, send({ text: 'hi', options: { msgid: 'order-1001_shipped' } }));
		expect(ctx.sb.requests[1].json).toEqual({ touser: chen, open_kfid: afterSales, msgid: 'order-1001_shipped', msgtype: 'text', text: { content: 'hi' } });
		expect(run.json(WECOM_NODE_NAME)[0].msgid).toBe('order-1001_shipped');
		ctx.sb.requests.length = 0;
		const bad = await runWeCom(ctx.sb, send({ text: 'hi', options: { msgid: 'order 1001' } }));
		expect(bad.error?.message).toBe('"Message ID" must be 1–32 letters, digits, _ or -, got "order 1001"');
		const long = await runWeCom(ctx.sb, send({ text: 'hi', options: { msgid: 'a'.repeat(33) } }));
		expect(long.error?.message).toBe(`"Message ID" must be 1–32 letters, digits, _ or -, got "${'a'.repeat(33)}"`);
		expect(ctx.sb.requests).toEqual([]);
	});

	it('refuses a text over 2048 bytes before any request', async () => {
		const run = await runWeCom(ctx.sb, send({ text: '好'.repeat(683) }));
		expect(run.error?.message).toBe('"Text" is 2049 bytes in UTF-8; WeCom accepts at most 2048 (about 682 Chinese characters)');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('explains 95018 for 王女士, whose session is with a human servicer', async () => {
		const run = await runWeCom(ctx.sb, send({ externalUserId: wang, text: 'hi' }));
		expect(withoutHint(run.error?.message)).toBe(
			`WeCom does not let the API send to this customer now. ${weComSays('send msg session status invalid', 95018)}`,
		);
		expect(run.error?.description).toMatch(/^Either the session is with a human servicer \(state 3\)/);
	});

	it('answers 95001 after 5 messages for one customer message', async () => {
		const items = [1, 2, 3, 4, 5, 6].map((n) => ({ n }));
		const run = await runWeCom(ctx.sb, send({ text: '={{ "reply " + $json.n }}' }), { items });
		expect(withoutHint(run.error?.message)).toBe(
			`This customer has received as many messages as WeCom allows. ${weComSays('send msg count limit', 95001)}`,
		);
		expect(run.error?.description).toBe('WeCom allows 5 messages after each customer message, within 48 hours: wait for the customer to write again.');
		expect(ctx.sb.requestsTo('/cgi-bin/kf/send_msg').map((r) => (r.json as { text: { content: string } }).text.content)).toEqual([
			'reply 1',
			'reply 2',
			'reply 3',
			'reply 4',
			'reply 5',
			'reply 6',
		]);
		expect(ctx.sb.state.wecom.demoCorp.sent).toHaveLength(5);
	});

	it('answers 95002 once 48 hours have passed since the customer wrote', async () => {
		ctx.sb.clock.advance(48 * 3600);
		const run = await runWeCom(ctx.sb, send({ text: 'hi' }));
		expect(withoutHint(run.error?.message)).toBe(`The customer last wrote more than 48 hours ago. ${weComSays('send msg time limit', 95002)}`);
	});

	it('uploads the item’s image first, then sends it by the new media_id', async () => {
		const png = sampleFile('png', 4 * KB);
		const run = await runWeComWithFiles(ctx.sb, send({ messageType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' }), [
			{ files: [{ bytes: png, fileName: 'receipt.png' }] },
		]);
		expect(run.error).toBeUndefined();
		expect(calls()).toEqual(['GET /cgi-bin/gettoken', 'POST /cgi-bin/media/upload', 'POST /cgi-bin/kf/send_msg']);
		expect(ctx.sb.requests[1].query.type).toBe('image');
		expect(Buffer.compare(partsOf(ctx.sb.requests[1])[0].data, png)).toBe(0);
		const [item] = run.json(WECOM_NODE_NAME);
		expect(ctx.sb.requests[2].json).toEqual({ touser: chen, open_kfid: afterSales, msgtype: 'image', image: { media_id: item.media_id } });
		expect(item).toEqual({ msgid: expect.any(String), open_kfid: afterSales, external_userid: chen, msgtype: 'image', media_id: expect.stringMatching(/^3/) });
	});

	it('refuses an MP3 as a voice message before the upload and the send', async () => {
		const run = await runWeComWithFiles(ctx.sb, send({ messageType: 'voice', mediaSource: 'binary', binaryPropertyName: 'data' }), [
			{ files: [{ bytes: sampleFile('mp3', KB), fileName: 'memo.mp3' }] },
		]);
		expect(run.error?.message).toBe('"Input Binary Field" is not a voice clip WeCom accepts: the file "memo.mp3" starts with 49 44 33 04 (MP3); voice media must be AMR');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('sends a file by media_id', async () => {
		const media = weComCustomers.customerWrites(ctx.sb.state.wecom.demoCorp, afterSales, chen, { msgtype: 'file' });
		const mediaId = String(media.content.media_id);
		const run = await runWeCom(ctx.sb, send({ messageType: 'file', mediaSource: 'mediaId', mediaId }));
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requests[1].json).toEqual({ touser: chen, open_kfid: afterSales, msgtype: 'file', file: { media_id: mediaId } });
	});

	it('sends a link card with its thumbnail uploaded from the item', async () => {
		const run = await runWeComWithFiles(
			ctx.sb,
			send({ messageType: 'link', title: '退货指南', description: '三步完成退货', url: 'https://example.com/returns', mediaSource: 'binary', thumbBinaryPropertyName: 'thumb' }),
			[{ files: [{ bytes: sampleFile('jpeg', KB), fileName: 't.jpg', property: 'thumb' }] }],
		);
		expect(run.error).toBeUndefined();
		const [item] = run.json(WECOM_NODE_NAME);
		expect(ctx.sb.requests[2].json).toEqual({
			touser: chen,
			open_kfid: afterSales,
			msgtype: 'link',
			link: { title: '退货指南', desc: '三步完成退货', url: 'https://example.com/returns', thumb_media_id: item.thumb_media_id },
		});
	});

	it('sends a mini program card and a location', async () => {
		const thumb = [...ctx.sb.state.wecom.demoCorp.media.values()].find((m) => m.type === 'image')!.media_id;
		await runWeCom(ctx.sb, send({ messageType: 'miniprogram', miniProgramAppId: 'wx8bd80126147dfAAA', pagePath: 'pages/order?id=1', mediaSource: 'mediaId', thumbMediaId: thumb }));
		expect(ctx.sb.requests[1].json).toEqual({
			touser: chen,
			open_kfid: afterSales,
			msgtype: 'miniprogram',
			miniprogram: { appid: 'wx8bd80126147dfAAA', thumb_media_id: thumb, pagepath: 'pages/order?id=1' },
		});
		const run = await runWeCom(ctx.sb, send({ messageType: 'location', locationName: '门店', address: '上海市南京西路 1 号', latitude: 31.23, longitude: 121.47 }));
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requests[2].json).toEqual({
			touser: chen,
			open_kfid: afterSales,
			msgtype: 'location',
			location: { name: '门店', address: '上海市南京西路 1 号', latitude: 31.23, longitude: 121.47 },
		});
		const bad = await runWeCom(ctx.sb, send({ messageType: 'location', latitude: 91, longitude: 0 }));
		expect(bad.error?.message).toBe('"Latitude" must be a number from -90 to 90, got 91');
	});

	it('sends a menu of the four kinds of answers', async () => {
		const run = await runWeCom(
			ctx.sb,
			send({
				messageType: 'msgmenu',
				headContent: '对本次服务满意吗？',
				menuItems: {
					item: [
						{ type: 'click', id: 'good', content: '满意' },
						{ type: 'view', url: 'https://example.com/survey', content: '填写问卷' },
						{ type: 'miniprogram', miniProgramAppId: 'wx8bd80126147dfAAA', pagePath: 'pages/rate', content: '去评分' },
						{ type: 'text', content: '感谢您的反馈' },
					],
				},
				tailContent: '祝您生活愉快',
			}),
		);
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requests[1].json).toEqual({
			touser: chen,
			open_kfid: afterSales,
			msgtype: 'msgmenu',
			msgmenu: {
				head_content: '对本次服务满意吗？',
				list: [
					{ type: 'click', click: { id: 'good', content: '满意' } },
					{ type: 'view', view: { url: 'https://example.com/survey', content: '填写问卷' } },
					{ type: 'miniprogram', miniprogram: { appid: 'wx8bd80126147dfAAA', pagepath: 'pages/rate', content: '去评分' } },
					{ type: 'text', text: { content: '感谢您的反馈' } },
				],
				tail_content: '祝您生活愉快',
			},
		});
	});

	it('refuses a menu of 11 answers and an answer without content, before any request', async () => {
		const eleven = Array.from({ length: 11 }, (_, n) => ({ type: 'click', content: `选项 ${n + 1}` }));
		const many = await runWeCom(ctx.sb, send({ messageType: 'msgmenu', menuItems: { item: eleven } }));
		expect(many.error?.message).toBe('"Answers" holds 11 items; WeCom allows at most 10');
		const empty = await runWeCom(ctx.sb, send({ messageType: 'msgmenu', menuItems: { item: [{ type: 'click', content: '是' }, { type: 'view', url: 'https://example.com' }] } }));
		expect(empty.error?.message).toBe('"Answer 2 > Content" is required but empty');
		expect(ctx.sb.requests).toEqual([]);
	});
});

describe('WeCom Message: Send on Event', () => {
	const corp = () => ctx.sb.state.wecom.demoCorp;
	const welcomeCode = () => {
		const entry = weComCustomers.customerEnters(corp(), afterSales, 'wmNewcomer000000000000000000000', { scene: 'poster' });
		return String(entry.content.welcome_code);
	};
	const onEvent = (code: string, extra: object = {}) => ({ resource: 'message', operation: 'sendOnEvent', code, messageType: 'text', text: '欢迎光临！', ...extra });

	it('sends a welcome message with the welcome_code, once', async () => {
		const code = welcomeCode();
		const run = await runWeCom(ctx.sb, onEvent(code));
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requests[1].json).toEqual({ code, msgtype: 'text', text: { content: '欢迎光临！' } });
		expect(run.json(WECOM_NODE_NAME)).toEqual([{ msgid: corp().sent[0].msgid, code, msgtype: 'text' }]);
		const again = await runWeCom(ctx.sb, onEvent(code));
		expect(withoutHint(again.error?.message)).toBe(weComSays('invalid Request Parameter: code already used', 40058));
	});

	it('refuses an empty code before any request', async () => {
		const run = await runWeCom(ctx.sb, onEvent(' '));
		expect(run.error?.message).toBe('"Event Code" is required but empty');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('is refused once the welcome code’s 20 seconds have passed', async () => {
		const code = welcomeCode();
		ctx.sb.clock.advance(20);
		const run = await runWeCom(ctx.sb, onEvent(code));
		expect(withoutHint(run.error?.message)).toBe(weComSays('invalid Request Parameter: code expired', 40058));
	});

	it('sends a menu, and offers only text and menu', async () => {
		const code = welcomeCode();
		const run = await runWeCom(ctx.sb, onEvent(code, { messageType: 'msgmenu', headContent: '您想咨询什么？', menuItems: { item: [{ type: 'click', id: 'refund', content: '退款' }] } }));
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requests[1].json).toEqual({ code, msgtype: 'msgmenu', msgmenu: { head_content: '您想咨询什么？', list: [{ type: 'click', click: { id: 'refund', content: '退款' } }] } });
		const image = await runWeCom(ctx.sb, onEvent(code, { messageType: 'image' }));
		expect(image.error?.message).toBe('"Message Type" must be one of text, msgmenu, got "image"');
	});
});

describe('WeCom Message: Recall', () => {
	const recall = (msgid: string) => ({ resource: 'message', operation: 'recall', openKfId: byId(afterSales), msgid });

	it('recalls a message within 2 minutes', async () => {
		const sent = await runWeCom(ctx.sb, send({ text: '发错了' }));
		const msgid = String(sent.json(WECOM_NODE_NAME)[0].msgid);
		ctx.sb.clock.advance(119);
		const run = await runWeCom(ctx.sb, recall(msgid));
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requestsTo('/cgi-bin/kf/recall_msg')[0].json).toEqual({ open_kfid: afterSales, msgid });
		expect(run.json(WECOM_NODE_NAME)).toEqual([{ success: true, open_kfid: afterSales, msgid }]);
		expect(ctx.sb.state.wecom.demoCorp.sent[0].recalled).toBe(true);
	});

	it('is refused after 2 minutes', async () => {
		const sent = await runWeCom(ctx.sb, send({ text: '发错了' }));
		ctx.sb.clock.advance(121);
		const run = await runWeCom(ctx.sb, recall(String(sent.json(WECOM_NODE_NAME)[0].msgid)));
		expect(withoutHint(run.error?.message)).toBe(weComSays('invalid Request Parameter: the message was sent more than 2 minutes ago', 40058));
	});
});
