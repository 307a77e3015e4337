import { SANDBOX_WECOM, WECOM_DEMO } from '../../../sandbox';
import { api, getToken, JPEG, upload, useWeComSandbox, weComError } from './helpers';

const ctx = useWeComSandbox('empty');

describe('WeCom sandbox: gettoken', () => {
	it('issues a token for 7200 seconds and the same one until it expires', async () => {
		const first = await getToken(ctx.sb);
		expect(first).toEqual({ errcode: 0, errmsg: 'ok', access_token: expect.stringMatching(/^WW_/), expires_in: 7200 });
		ctx.sb.clock.advance(100);
		expect(await getToken(ctx.sb)).toEqual({ ...first, expires_in: 7100 });
		ctx.sb.clock.advance(7100);
		expect((await getToken(ctx.sb)).access_token).not.toBe(first.access_token);
	});

	it.each([
		['an unknown corpid', 'wwnobody', SANDBOX_WECOM.secret, 40013, 'invalid corpid'],
		['a wrong secret', SANDBOX_WECOM.corpId, 'wrong', 40001, 'invalid credential'],
		['no corpid', '', SANDBOX_WECOM.secret, 41002, 'corpid missing'],
		['no secret', SANDBOX_WECOM.corpId, '', 41004, 'corpsecret missing'],
	])('refuses %s', async (_what, corpId, secret, errcode, text) => {
		expect(await getToken(ctx.sb, corpId, secret)).toEqual(weComError(errcode, text));
	});

	it('refuses API calls without a token, with an unknown, an expired or a revoked one', async () => {
		const list = (token: string) => api(ctx.sb, 'kf/account/list', {}, token);
		expect(await list('')).toEqual(weComError(41001, 'access_token missing'));
		expect(await list('nope')).toEqual(weComError(40014, 'invalid access_token'));
		const { access_token: token } = await getToken(ctx.sb);
		ctx.sb.clock.advance(7200);
		expect(await list(token)).toEqual(weComError(42001, 'access_token expired'));
		const { access_token: fresh } = await getToken(ctx.sb);
		ctx.sb.state.wecom.revokeTokens(SANDBOX_WECOM.corpId);
		expect(await list(fresh)).toEqual(weComError(40014, 'invalid access_token'));
	});

	it('keeps corps apart: one corp’s token never reads another corp’s accounts', async () => {
		const other = ctx.sb.state.wecom.addCorp('wwother0000000001', 'other-secret');
		other.accounts.set(WECOM_DEMO.accounts.store, { open_kfid: WECOM_DEMO.accounts.store, name: 'x', avatar: '', media_id: '', manage_privilege: true, servicers: new Map(), departments: new Set() });
		const { access_token: token } = await getToken(ctx.sb, 'wwother0000000001', 'other-secret');
		expect((await api(ctx.sb, 'kf/account/list', {}, token)).account_list).toHaveLength(1);
		expect((await api(ctx.sb, 'kf/account/list', {})).account_list).toEqual([]);
	});

	it('answers 60020 and 48002 when the corp refuses the caller', async () => {
		const corp = ctx.sb.state.wecom.demoCorp;
		corp.ipNotAllowed = true;
		expect(await api(ctx.sb, 'kf/account/list', {})).toEqual(weComError(60020, 'not allow to access from your ip'));
		corp.ipNotAllowed = false;
		corp.apiForbidden = true;
		expect(await api(ctx.sb, 'kf/account/list', {})).toEqual(weComError(48002, 'api forbidden'));
	});
});

describe('WeCom sandbox: kf accounts', () => {
	async function avatar() {
		return (await upload(ctx.sb, 'image', JPEG)).media_id as string;
	}

	it('adds, lists, updates and deletes an account', async () => {
		const mediaId = await avatar();
		const added = await api(ctx.sb, 'kf/account/add', { name: '售后客服', media_id: mediaId });
		expect(added).toEqual({ errcode: 0, errmsg: 'ok', open_kfid: expect.stringMatching(/^wk[0-9A-Za-z]{30}$/) });
		const row = { open_kfid: added.open_kfid, name: '售后客服', avatar: expect.stringMatching(/^https:\/\/wework\.qpic\.cn\//), manage_privilege: true };
		expect(await api(ctx.sb, 'kf/account/list', { offset: 0, limit: 100 })).toEqual({ errcode: 0, errmsg: 'ok', account_list: [row] });
		expect(await api(ctx.sb, 'kf/account/update', { open_kfid: added.open_kfid, name: '新名字' })).toEqual({ errcode: 0, errmsg: 'ok' });
		expect((await api(ctx.sb, 'kf/account/list', {})).account_list[0].name).toBe('新名字');
		expect(await api(ctx.sb, 'kf/account/del', { open_kfid: added.open_kfid })).toEqual({ errcode: 0, errmsg: 'ok' });
		expect(await api(ctx.sb, 'kf/account/del', { open_kfid: added.open_kfid })).toEqual(weComError(95004, 'open_kfid not exist'));
	});

	it('pages with offset and limit 1–100', async () => {
		const mediaId = await avatar();
		for (let i = 0; i < 5; i += 1) await api(ctx.sb, 'kf/account/add', { name: `客服${i}`, media_id: mediaId });
		const names = async (b: object) => ((await api(ctx.sb, 'kf/account/list', b)).account_list as { name: string }[]).map((a) => a.name);
		expect(await names({ offset: 1, limit: 2 })).toEqual(['客服1', '客服2']);
		expect(await names({ offset: 4, limit: 100 })).toEqual(['客服4']);
		expect(await api(ctx.sb, 'kf/account/list', { limit: 101 })).toEqual(weComError(40058, 'invalid Request Parameter: limit must be an integer from 1 to 100'));
		expect(await api(ctx.sb, 'kf/account/list', { limit: 0 })).toEqual(weComError(40058, 'invalid Request Parameter: limit must be an integer from 1 to 100'));
	});

	it('checks the name (≤16 characters) and the avatar media', async () => {
		const mediaId = await avatar();
		expect(await api(ctx.sb, 'kf/account/add', { name: '一'.repeat(16), media_id: mediaId })).toMatchObject({ errcode: 0 });
		expect(await api(ctx.sb, 'kf/account/add', { name: '一'.repeat(17), media_id: mediaId })).toEqual(weComError(95006, 'invalid kf account name'));
		expect(await api(ctx.sb, 'kf/account/add', { name: '客服', media_id: 'unknown' })).toEqual(weComError(40007, 'invalid media_id'));
		expect(await api(ctx.sb, 'kf/account/add', { name: '客服' })).toEqual(weComError(40058, 'invalid Request Parameter: media_id'));
	});

	it('allows an unverified corp 10 accounts (95027)', async () => {
		ctx.sb.state.wecom.demoCorp.verified = false;
		const mediaId = await avatar();
		for (let i = 0; i < 10; i += 1) expect((await api(ctx.sb, 'kf/account/add', { name: `客服${i}`, media_id: mediaId })).errcode).toBe(0);
		expect(await api(ctx.sb, 'kf/account/add', { name: '第十一个', media_id: mediaId })).toEqual(weComError(95027, 'corp not verified, kf account count limit'));
	});

	it('refuses to manage an account without manage_privilege (48002) and a malformed open_kfid (95000)', async () => {
		const mediaId = await avatar();
		const { open_kfid: openKfid } = await api(ctx.sb, 'kf/account/add', { name: '客服', media_id: mediaId });
		ctx.sb.state.wecom.demoCorp.accounts.get(openKfid)!.manage_privilege = false;
		expect((await api(ctx.sb, 'kf/account/list', {})).account_list[0].manage_privilege).toBe(false);
		expect(await api(ctx.sb, 'kf/account/update', { open_kfid: openKfid, name: 'x' })).toEqual(weComError(48002, 'api forbidden: the account is not managed through the API'));
		expect(await api(ctx.sb, 'kf/account/del', { open_kfid: '' })).toEqual(weComError(95000, 'invalid open_kfid: open_kfid'));
	});

	it('makes contact links with a scene of ≤32 [0-9a-zA-Z_-]', async () => {
		const mediaId = await avatar();
		const { open_kfid: openKfid } = await api(ctx.sb, 'kf/account/add', { name: '客服', media_id: mediaId });
		const plain = await api(ctx.sb, 'kf/add_contact_way', { open_kfid: openKfid });
		expect(plain).toEqual({ errcode: 0, errmsg: 'ok', url: `https://work.weixin.qq.com/kfid/kfc${openKfid.slice(2, 18)}` });
		const withScene = await api(ctx.sb, 'kf/add_contact_way', { open_kfid: openKfid, scene: 'spring_sale-01' });
		expect(withScene.url).toBe(`${plain.url}?enc_scene=ENC${Buffer.from('spring_sale-01').toString('base64url')}`);
		const refused = weComError(40058, 'invalid Request Parameter: scene must be 1-32 characters of [0-9a-zA-Z_-]');
		expect(await api(ctx.sb, 'kf/add_contact_way', { open_kfid: openKfid, scene: 'a'.repeat(33) })).toEqual(refused);
		expect(await api(ctx.sb, 'kf/add_contact_way', { open_kfid: openKfid, scene: '春季' })).toEqual(refused);
	});

	it('answers a GET on a POST path the way the sandbox does for every path', async () => {
		const { access_token: token } = await getToken(ctx.sb);
		const res = await fetch(`${ctx.sb.url}/cgi-bin/kf/account/add?access_token=${token}`);
		expect(((await res.json()) as { errcode: number }).errcode).toBe(43002);
	});
});
