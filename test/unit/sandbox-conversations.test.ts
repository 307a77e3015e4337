import { SANDBOX_APP_ID, SANDBOX_APP_SECRET } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { LI } from '../helpers/demo';

const ctx = useSandbox('demo');

async function token(): Promise<string> {
	const res = await fetch(`${ctx.sb.url}/cgi-bin/stable_token`, {
		method: 'POST',
		body: JSON.stringify({ grant_type: 'client_credential', appid: SANDBOX_APP_ID, secret: SANDBOX_APP_SECRET }),
	});
	return ((await res.json()) as { access_token: string }).access_token;
}

async function post(path: string, body: unknown): Promise<{ errcode: number; errmsg: string }> {
	const res = await fetch(`${ctx.sb.url}${path}?access_token=${await token()}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return (await res.json()) as { errcode: number; errmsg: string };
}

const send = (body: unknown) => post('/cgi-bin/message/custom/send', body);

describe('sandbox: message/custom/send checks each body’s shape like WeChat', () => {
	it.each([
		['a misspelt field', { touser: LI, msgtype: 'music', music: { musicurl: 'http://a', hq_music_url: 'http://b', hqmusicurl: 'http://b', thumb_media_id: 'T' } }, 47001, 'music.hq_music_url is not a field of this type'],
		['a missing required field', { touser: LI, msgtype: 'video', video: { media_id: 'M' } }, 47001, 'video.thumb_media_id is missing'],
		['a number where a string belongs', { touser: LI, msgtype: 'image', image: { media_id: 5 } }, 47001, 'image.media_id must be a string'],
		['a menu entry without content', { touser: LI, msgtype: 'msgmenu', msgmenu: { list: [{ id: '1' }] } }, 47001, 'msgmenu.list[0].content is missing'],
		['the type object missing', { touser: LI, msgtype: 'text' }, 47001, 'text must be an object'],
		['a second type object', { touser: LI, msgtype: 'text', text: { content: 'a' }, image: { media_id: 'M' } }, 47001, 'image is not expected'],
		['an unknown msgtype', { touser: LI, msgtype: 'location', location: {} }, 40008, 'invalid message type'],
		['two news articles', { touser: LI, msgtype: 'news', news: { articles: [{ title: 'a', url: 'http://a' }, { title: 'b', url: 'http://b' }] } }, 45008, 'article size out of limit'],
		['text over 2048 bytes', { touser: LI, msgtype: 'text', text: { content: 'x'.repeat(2049) } }, 45002, 'content size out of limit'],
		['an empty body', '', 44002, 'empty post data'],
		['an unknown customer', { touser: 'oNobody', msgtype: 'text', text: { content: 'hi' } }, 40003, 'invalid openid'],
	])('refuses %s', async (_what, body, errcode, errmsg) => {
		const res = await send(body);
		expect(res.errcode).toBe(errcode);
		expect(res.errmsg).toContain(errmsg);
		expect(ctx.sb.state.conversations.sent).toEqual([]);
	});

	it('answers 43002 to a GET on the POST-only send path', async () => {
		const res = await fetch(`${ctx.sb.url}/cgi-bin/message/custom/send?access_token=${await token()}`);
		expect(((await res.json()) as { errcode: number }).errcode).toBe(43002);
	});

	it('counts 5 messages after a customer’s message, and a new message from them resets it', async () => {
		const body = { touser: LI, msgtype: 'text', text: { content: 'hi' } };
		for (let n = 0; n < 5; n++) expect((await send(body)).errcode).toBe(0);
		expect((await send(body)).errcode).toBe(45047);
		ctx.sb.state.conversations.customerWrites(LI, ctx.sb.clock.now());
		expect((await send(body)).errcode).toBe(0);
		expect(ctx.sb.state.conversations.sentTo(LI)).toHaveLength(6);
	});
});

describe('sandbox: sessions', () => {
	it('a customer who writes again keeps their place in the queue with a newer latest_time', async () => {
		const conv = ctx.sb.state.conversations;
		const later = ctx.sb.clock.now() + 5;
		conv.customerWrites(LI, later);
		expect(conv.waiting.map((w) => w.openid)).toEqual([LI, 'oDemo_HanMeimei_3vNc8aLr', 'oDemo_Tom_Lk2pQ9xW4sEd6u']);
		expect(conv.waiting[0].latest_time).toBe(later);
	});

	it('refuses an escaped @ in the kf_account query (65401), as WeChat does', async () => {
		const res = await fetch(`${ctx.sb.url}/customservice/kfsession/getsessionlist?kf_account=alice%40sandbox_oa&access_token=${await token()}`);
		expect(((await res.json()) as { errcode: number }).errcode).toBe(65401);
	});

	it('the demo has three customers waiting, sessions for alice and carol, and one customer outside 48 hours', () => {
		const conv = ctx.sb.state.conversations;
		expect(conv.waiting).toHaveLength(3);
		expect(conv.sessionsOf('alice@sandbox_oa')).toHaveLength(2);
		expect(conv.sessionsOf('carol@sandbox_oa')).toHaveLength(1);
		const stale = conv.customers.get('oDemo_ZhouJie_Qw9eR3tY5u');
		expect(ctx.sb.clock.now() - (stale?.lastMessageAt ?? 0)).toBeGreaterThan(48 * 3600);
	});
});
