import { loadWorkflow, runWorkflow } from '../helpers/workflow';
import { continueOnFail, withParams } from '../helpers/patch';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { LI, HAN, TOM, ZHOU, ALICE } from '../helpers/demo';

const ctx = useSandbox('demo');

const SEND = '/cgi-bin/message/custom/send';

function apiRequests() {
	return ctx.sb.requests.filter((r) => !r.path.endsWith('_token') && r.path !== '/cgi-bin/token');
}

const sendWf = () => loadWorkflow('message-send.workflow.json');

describe('Message: Send, one workflow with every message type', () => {
	it('sends exactly WeChat’s fields for each type and the sandbox accepts every body', async () => {
		const result = await runWorkflow(loadWorkflow('message-send-all-types.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const expected: Array<[string, string, string, Record<string, unknown>]> = [
			['Send Text', LI, 'text', { content: '您好，订单已发货 📦 Your order has shipped!' }],
			['Send Image', LI, 'image', { media_id: 'MEDIA_image_001' }],
			['Send Voice', LI, 'voice', { media_id: 'MEDIA_voice_001' }],
			['Send Video', LI, 'video', { media_id: 'MEDIA_video_001', thumb_media_id: 'THUMB_video_001', title: '开箱视频', description: 'How to unpack' }],
			['Send Music', LI, 'music', {
				title: '晴天',
				description: '周杰伦',
				musicurl: 'https://music.example.com/qingtian.mp3',
				hqmusicurl: 'https://music.example.com/qingtian-hq.mp3',
				thumb_media_id: 'THUMB_music_001',
			}],
			['Send News', HAN, 'news', {
				articles: [{ title: '双十一优惠', description: '全场五折', url: 'https://shop.example.com/sale?id=11', picurl: 'https://shop.example.com/sale.jpg' }],
			}],
			['Send Mpnews', HAN, 'mpnews', { media_id: 'MEDIA_mpnews_001' }],
			['Send Mpnewsarticle', HAN, 'mpnewsarticle', { article_id: 'ARTICLE_001' }],
			['Send Menu', HAN, 'msgmenu', {
				head_content: '您对本次服务是否满意？',
				list: [{ id: '101', content: '满意' }, { id: '102', content: '不满意' }],
				tail_content: '欢迎再次光临',
			}],
			['Send Card', HAN, 'wxcard', { card_id: 'pDF3iY9tv9zCGCj4jTXFOo1DxHdo' }],
			['Send Mini Program Page', TOM, 'miniprogrampage', {
				title: '查看订单',
				appid: 'wx_mini_app_001',
				pagepath: 'pages/order/detail?id=42',
				thumb_media_id: 'THUMB_mini_001',
			}],
		];
		const sends = ctx.sb.requestsTo(SEND);
		expect(sends.map((r) => r.method)).toEqual(expected.map(() => 'POST'));
		expect(sends.map((r) => r.json)).toEqual(
			expected.map(([, touser, msgtype, payload], n) => ({
				touser,
				msgtype,
				[msgtype]: payload,
				...(n === 0 ? { customservice: { kf_account: ALICE } } : {}),
			})),
		);
		for (const [node, touser, msgtype] of expected) {
			expect(result.output(node)).toEqual([
				{
					json: { success: true, openid: touser, msgtype, ...(msgtype === 'text' ? { kf_account: ALICE } : {}) },
					pairedItem: { item: 0 },
				},
			]);
		}
		expect(ctx.sb.state.conversations.sent.map((m) => m.msgtype)).toEqual(expected.map((e) => e[2]));
		expect(ctx.sb.state.conversations.sent[0].kf_account).toBe(ALICE);
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
	});

	it('keeps Chinese and emoji as raw UTF-8 in the JSON body', async () => {
		const wf = withParams(sendWf(), 'Send Message', { text: '你好 😀 “引号”\n第二行' });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const [req] = ctx.sb.requestsTo(SEND);
		expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
		const raw = req.rawBody.toString('utf8');
		expect(raw).toBe(`{"touser":"${LI}","msgtype":"text","text":{"content":"你好 😀 “引号”\\n第二行"}}`);
		expect(req.rawBody.includes(Buffer.from('😀', 'utf8'))).toBe(true);
		expect(raw).not.toMatch(/\\u[0-9a-f]{4}/i);
		expect(req.rawBody.length).toBe(Buffer.byteLength(raw, 'utf8'));
	});

	it('sends a text of exactly 2048 UTF-8 bytes untrimmed', async () => {
		const text = ' ' + '汉'.repeat(682) + ' ';
		expect(Buffer.byteLength(text)).toBe(2048);
		const result = await runWorkflow(withParams(sendWf(), 'Send Message', { text }), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(ctx.sb.requestsTo(SEND)[0].json).toEqual({ touser: LI, msgtype: 'text', text: { content: text } });
	});

	it('leaves out empty optional fields (video title and description, news description and picture)', async () => {
		const video = withParams(sendWf(), 'Send Message', {
			messageType: 'video',
			text: undefined,
			mediaId: 'MEDIA_v',
			thumbMediaId: 'THUMB_v',
		});
		expect((await runWorkflow(video, sandboxCredential(ctx.sb))).error).toBeUndefined();
		const news = withParams(sendWf(), 'Send Message', {
			messageType: 'news',
			text: undefined,
			articles: { article: [{ title: 'Sale', url: 'http://shop.example.com/' }] },
		});
		expect((await runWorkflow(news, sandboxCredential(ctx.sb))).error).toBeUndefined();
		expect(ctx.sb.requestsTo(SEND).map((r) => r.json)).toEqual([
			{ touser: LI, msgtype: 'video', video: { media_id: 'MEDIA_v', thumb_media_id: 'THUMB_v' } },
			{ touser: LI, msgtype: 'news', news: { articles: [{ title: 'Sale', url: 'http://shop.example.com/' }] } },
		]);
	});
});

describe('Message: Send validates before sending', () => {
	// n8n itself stops a workflow whose required parameter is left empty; an expression that
	// resolves to "" (a missing field upstream) reaches the node's own check.
	const EMPTY = '={{ $json.missing ?? "" }}';
	const cases: Array<[string, Record<string, unknown>, string]> = [
		['an empty text', { text: '   ' }, '"Text" is required but empty'],
		[
			'a text over 2048 UTF-8 bytes',
			{ text: '汉'.repeat(683) },
			'"Text" is 2049 bytes in UTF-8; WeChat accepts at most 2048 bytes in one text message (about 682 Chinese characters). Split it into several messages',
		],
		[
			'a music URL that is not http(s)',
			{ messageType: 'music', musicUrl: 'ftp://music.example.com/a.mp3', hqMusicUrl: 'https://music.example.com/a.mp3', thumbMediaId: 'T' },
			'"Music URL" must be an http:// or https:// URL, got "ftp://music.example.com/a.mp3"',
		],
		[
			'a music HQ URL that is not a URL',
			{ messageType: 'music', musicUrl: 'https://music.example.com/a.mp3', hqMusicUrl: 'music.example.com/a.mp3', thumbMediaId: 'T' },
			'"High-Quality Music URL" must be an http:// or https:// URL, got "music.example.com/a.mp3"',
		],
		[
			'news with two articles',
			{ messageType: 'news', articles: { article: [{ title: 'A', url: 'https://a.example.com' }, { title: 'B', url: 'https://b.example.com' }] } },
			'"Article" must hold exactly 1 article (WeChat sends one article per customer-service news message), got 2',
		],
		[
			'news without an article',
			{ messageType: 'news' },
			'"Article" must hold exactly 1 article (WeChat sends one article per customer-service news message), got 0',
		],
		[
			'a news article with a bad URL',
			{ messageType: 'news', articles: { article: [{ title: 'A', url: 'javascript:alert(1)' }] } },
			'"Article 1 > URL" must be an http:// or https:// URL, got "javascript:alert(1)"',
		],
		[
			'a news article with a bad picture URL',
			{ messageType: 'news', articles: { article: [{ title: 'A', url: 'https://a.example.com', picUrl: 'a.jpg' }] } },
			'"Article 1 > Picture URL" must be an http:// or https:// URL, got "a.jpg"',
		],
		[
			'a news article without a title',
			{ messageType: 'news', articles: { article: [{ url: 'https://a.example.com' }] } },
			'"Article 1 > Title" is required but empty',
		],
		[
			'a menu answer without content',
			{ messageType: 'msgmenu', menuItems: { item: [{ id: '1', content: 'Yes' }, { id: '2', content: ' ' }] } },
			'"Answer 2 > Content" is required but empty',
		],
		[
			'a menu answer without an id',
			{ messageType: 'msgmenu', menuItems: { item: [{ content: 'Yes' }] } },
			'"Answer 1 > ID" is required but empty',
		],
		['a menu without answers', { messageType: 'msgmenu', headContent: 'Q?' }, '"Answers" needs at least one menu item'],
		['an image without a media ID', { messageType: 'image', mediaId: EMPTY }, '"Media ID" is required but empty'],
		['a mini program page without a page path', { messageType: 'miniprogrampage', title: 'T', miniProgramAppId: 'wx1', thumbMediaId: 'T', pagePath: EMPTY }, '"Page Path" is required but empty'],
		['a card without a card ID', { messageType: 'wxcard', cardId: EMPTY }, '"Card ID" is required but empty'],
		['a published article without an ID', { messageType: 'mpnewsarticle', articleId: EMPTY }, '"Article ID" is required but empty'],
		['an agent account without its suffix', { kfAccount: 'alice' }, '"Send as Agent" must be the full account "prefix@OfficialAccountWeChatID" with exactly one "@", got "alice"'],
		['an unknown message type', { messageType: 'location' }, '"Message Type" must be one of text, image, voice, video, music, news, mpnews, mpnewsarticle, msgmenu, wxcard, miniprogrampage, got "location"'],
	];
	it.each(cases)('rejects %s, naming item and field, with no request', async (_what, params, message) => {
		const result = await runWorkflow(withParams(sendWf(), 'Send Message', params), sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe(message);
		expect(apiRequests()).toEqual([]);
	});
});

describe('Message: Send, WeChat’s refusals', () => {
	it('45015: the customer wrote more than 48 hours ago', async () => {
		const result = await runWorkflow(withParams(sendWf(), 'Send Message', { openid: ZHOU }), sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe('This customer has not written to the Official Account in the last 48 hours. WeChat: response out of time limit or subscription is canceled (errcode 45015)');
		expect(result.error?.description).toMatch(/^Customer-service messages can only be sent within 48 hours of the customer’s last message.* rid: \S+$/);
		expect(ctx.sb.requestsTo(SEND)).toHaveLength(1);
		expect(ctx.sb.state.conversations.sent).toEqual([]);
	});

	it('45015 once the window closes, and the window opens again when the customer writes', async () => {
		ctx.sb.clock.advance(48 * 3600);
		const late = await runWorkflow(sendWf(), sandboxCredential(ctx.sb));
		expect(late.error?.message).toContain('(errcode 45015)');
		ctx.sb.state.conversations.customerWrites(LI, ctx.sb.clock.now());
		const again = await runWorkflow(sendWf(), sandboxCredential(ctx.sb));
		expect(again.error).toBeUndefined();
	});

	it('45047: the sixth message after a customer’s message, item by item with continue-on-fail', async () => {
		const wf = continueOnFail(
			withParams(loadWorkflow('message-send-bulk.workflow.json'), 'Customers', {
				items: JSON.stringify([1, 2, 3, 4, 5, 6].map((n) => ({ openid: LI, text: `第${n}条消息` }))),
			}),
			'Send to Each',
		);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const items = result.output('Send to Each');
		expect(items.slice(0, 5)).toEqual([0, 1, 2, 3, 4].map((n) => ({ json: { success: true, openid: LI, msgtype: 'text' }, pairedItem: { item: n } })));
		expect(items[5].pairedItem).toEqual({ item: 5 });
		expect(items[5].json.error).toBe('Too many messages were sent to this customer since they last wrote. WeChat: out of response count limit (errcode 45047)');
		expect(items[5].json.details).toEqual({
			errcode: 45047,
			errmsg: expect.stringMatching(/^out of response count limit rid: /),
			hint: expect.stringContaining('Wait for the customer to write again'),
		});
		expect(ctx.sb.requestsTo(SEND).map((r) => (r.json as { text: { content: string } }).text.content)).toEqual(
			[1, 2, 3, 4, 5, 6].map((n) => `第${n}条消息`),
		);
		expect(ctx.sb.state.conversations.sentTo(LI)).toHaveLength(5);
	});

	it('40003 for a customer the account does not know, 65401 when sending as an unknown agent', async () => {
		const stranger = await runWorkflow(withParams(sendWf(), 'Send Message', { openid: 'oStranger' }), sandboxCredential(ctx.sb));
		expect(stranger.error?.message).toBe('This openid does not belong to a customer of this Official Account. WeChat: invalid openid (errcode 40003)');
		const ghost = await runWorkflow(withParams(sendWf(), 'Send Message', { kfAccount: 'ghost@sandbox_oa' }), sandboxCredential(ctx.sb));
		expect(ghost.error?.message).toBe('No such customer-service account exists on this Official Account. WeChat: invalid custom service account (errcode 65401)');
		expect(ctx.sb.requestsTo(SEND).map((r) => r.json)).toEqual([
			{ touser: 'oStranger', msgtype: 'text', text: { content: 'Hello' } },
			{ touser: LI, msgtype: 'text', text: { content: 'Hello' }, customservice: { kf_account: 'ghost@sandbox_oa' } },
		]);
	});
});

describe('Message: Typing', () => {
	it('sends Typing (the default) then CancelTyping', async () => {
		const result = await runWorkflow(loadWorkflow('message-typing.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.output('Show Typing')).toEqual([{ json: { success: true, openid: LI, command: 'Typing' }, pairedItem: { item: 0 } }]);
		expect(result.output('Cancel Typing')).toEqual([{ json: { success: true, openid: LI, command: 'CancelTyping' }, pairedItem: { item: 0 } }]);
		const reqs = apiRequests();
		expect(reqs.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /cgi-bin/message/custom/typing', 'POST /cgi-bin/message/custom/typing']);
		expect(reqs.map((r) => r.json)).toEqual([
			{ touser: LI, command: 'Typing' },
			{ touser: LI, command: 'CancelTyping' },
		]);
		expect(ctx.sb.state.conversations.typing.map((t) => t.command)).toEqual(['Typing', 'CancelTyping']);
	});

	it('45015 outside the 48-hour window', async () => {
		const wf = withParams(loadWorkflow('message-typing.workflow.json'), 'Show Typing', { openid: ZHOU });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error?.message).toMatch(/^This customer has not written to the Official Account in the last 48 hours\. WeChat: .+ \(errcode 45015\)$/);
	});

	it('rejects an unknown command before sending', async () => {
		const wf = withParams(loadWorkflow('message-typing.workflow.json'), 'Show Typing', { command: 'start' });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe('"Command" must be "typing" or "cancel", got "start"');
		expect(apiRequests()).toEqual([]);
	});
});
