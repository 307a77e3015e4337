import { WECOM_DEMO } from '../../sandbox';
import { partsOf, sampleFile, KB } from '../helpers/mediaFiles';
import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, runWeCom } from '../helpers/wecom';
import { runWeComWithFiles } from '../fixtures/wecom/binaryItems';

const ctx = useSandbox('demo');

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const calls = () => ctx.sb.requests.map((r) => `${r.method} ${r.path}`);
/** An image the demo corp holds as temporary media (an account avatar). */
const demoImage = () => [...ctx.sb.state.wecom.demoCorp.media.values()].find((m) => m.type === 'image')!.media_id;

describe('WeCom Account: Get Many', () => {
	it('lists the demo accounts with one token request and one page', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'getAll', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(run.json(WECOM_NODE_NAME).map((a) => a.open_kfid)).toEqual([
			'wkAfterSalesDemo0000000000000000',
			'wkBookingDemo0000000000000000000',
			'wkStoreAssistantDemo000000000000',
		]);
		expect(calls()).toEqual(['GET /cgi-bin/gettoken', 'POST /cgi-bin/kf/account/list']);
		expect(ctx.sb.requests[1].json).toEqual({ offset: 0, limit: 100 });
	});

	it('stops at Limit', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'getAll', returnAll: false, limit: 2 });
		expect(run.json(WECOM_NODE_NAME)).toHaveLength(2);
		expect(ctx.sb.requests[1].json).toEqual({ offset: 0, limit: 2 });
	});

	it('names a wrong Secret in plain words, without the Secret', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'getAll', returnAll: true }, { credential: { secret: 'wrong-secret-value' } });
		expect(run.error?.message).toMatch(/^WeCom did not accept the Secret\. WeCom: .*\(errcode 40001\)$/);
		expect(JSON.stringify(run.error)).not.toContain('wrong-secret-value');
	});
});

describe('WeCom Account: Create', () => {
	it('creates an account with an avatar media_id', async () => {
		const mediaId = demoImage();
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'create', name: '退换货', avatarSource: 'mediaId', avatarMediaId: mediaId });
		expect(run.error).toBeUndefined();
		expect(calls()).toEqual(['GET /cgi-bin/gettoken', 'POST /cgi-bin/kf/account/add']);
		expect(ctx.sb.requests[1].json).toEqual({ name: '退换货', media_id: mediaId });
		const [item] = run.json(WECOM_NODE_NAME);
		expect(item).toEqual({ open_kfid: expect.stringMatching(/^wk/), name: '退换货', media_id: mediaId });
		expect(ctx.sb.state.wecom.demoCorp.accounts.get(String(item.open_kfid))?.name).toBe('退换货');
	});

	it('uploads the item’s image first, then creates the account with its media_id', async () => {
		const png = sampleFile('png', 2 * KB);
		const run = await runWeComWithFiles(ctx.sb, { resource: 'account', operation: 'create', name: 'VIP', avatarSource: 'binary', binaryPropertyName: 'data' }, [
			{ files: [{ bytes: png, fileName: 'logo.png' }] },
		]);
		expect(run.error).toBeUndefined();
		expect(calls()).toEqual(['GET /cgi-bin/gettoken', 'POST /cgi-bin/media/upload', 'POST /cgi-bin/kf/account/add']);
		expect(ctx.sb.requests[1].query.type).toBe('image');
		expect(Buffer.compare(partsOf(ctx.sb.requests[1])[0].data, png)).toBe(0);
		const [item] = run.json(WECOM_NODE_NAME);
		expect(ctx.sb.requests[2].json).toEqual({ name: 'VIP', media_id: item.media_id });
		expect(ctx.sb.state.wecom.demoCorp.media.get(String(item.media_id))?.type).toBe('image');
	});

	it('refuses a name of 17 characters and a BMP avatar before any request', async () => {
		const long = await runWeCom(ctx.sb, { resource: 'account', operation: 'create', name: '一二三四五六七八九十一二三四五六七', avatarSource: 'mediaId', avatarMediaId: 'x' });
		expect(long.error?.message).toBe('"Name" is 17 characters; WeCom allows at most 16 (a Chinese character or an emoji counts as one)');
		const bmp = await runWeComWithFiles(ctx.sb, { resource: 'account', operation: 'create', name: 'VIP', avatarSource: 'binary', binaryPropertyName: 'data' }, [
			{ files: [{ bytes: sampleFile('bmp', 100), fileName: 'logo.bmp' }] },
		]);
		expect(bmp.error?.message).toBe('"Input Binary Field" is not an image WeCom accepts: the file "logo.bmp" starts with 42 4D 36 00 (BMP); image media must be JPEG or PNG');
		expect(ctx.sb.requests).toEqual([]);
	});
});

describe('WeCom Account: Update and Delete', () => {
	it('changes only the name when the avatar is kept', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'update', openKfId: byId(WECOM_DEMO.accounts.booking), name: '预约' });
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requests[1].json).toEqual({ open_kfid: WECOM_DEMO.accounts.booking, name: '预约' });
		expect(run.json(WECOM_NODE_NAME)).toEqual([{ success: true, open_kfid: WECOM_DEMO.accounts.booking, name: '预约' }]);
	});

	it('changes only the avatar, uploaded from the item', async () => {
		const run = await runWeComWithFiles(
			ctx.sb,
			{ resource: 'account', operation: 'update', openKfId: byId(WECOM_DEMO.accounts.booking), avatarSource: 'binary', binaryPropertyName: 'data' },
			[{ files: [{ bytes: sampleFile('jpeg', KB), fileName: 'new.jpg' }] }],
		);
		expect(run.error).toBeUndefined();
		expect(calls()).toEqual(['GET /cgi-bin/gettoken', 'POST /cgi-bin/media/upload', 'POST /cgi-bin/kf/account/update']);
		const [item] = run.json(WECOM_NODE_NAME);
		expect(ctx.sb.requests[2].json).toEqual({ open_kfid: WECOM_DEMO.accounts.booking, media_id: item.media_id });
	});

	it('refuses an update that changes nothing, before any request', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'update', openKfId: byId(WECOM_DEMO.accounts.booking) });
		expect(run.error?.message).toBe('"Name" is empty and Avatar Source is "Keep Current": there is nothing to update');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('deletes an account', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'delete', openKfId: byId(WECOM_DEMO.accounts.booking) });
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requests[1].json).toEqual({ open_kfid: WECOM_DEMO.accounts.booking });
		expect(run.json(WECOM_NODE_NAME)).toEqual([{ success: true, open_kfid: WECOM_DEMO.accounts.booking }]);
		expect(ctx.sb.state.wecom.demoCorp.accounts.has(WECOM_DEMO.accounts.booking)).toBe(false);
	});

	it('reports WeCom’s refusal for an account this app may not manage', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'account', operation: 'delete', openKfId: byId(WECOM_DEMO.accounts.store) });
		expect(run.error?.message).toMatch(/^This app may not call this API, or may not manage this account\. WeCom: api forbidden.*\(errcode 48002\)$/);
		expect(ctx.sb.state.wecom.demoCorp.accounts.has(WECOM_DEMO.accounts.store)).toBe(true);
	});
});

describe('WeCom Account: Get Contact Link', () => {
	const link = (extra: object) => runWeCom(ctx.sb, { resource: 'account', operation: 'getContactLink', openKfId: byId(WECOM_DEMO.accounts.afterSales), ...extra });

	it('outputs the link without a scene', async () => {
		const run = await link({});
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requests[1].json).toEqual({ open_kfid: WECOM_DEMO.accounts.afterSales });
		expect(run.json(WECOM_NODE_NAME)).toEqual([{ open_kfid: WECOM_DEMO.accounts.afterSales, url: 'https://work.weixin.qq.com/kfid/kfcAfterSalesDemo00' }]);
	});

	it('outputs the link for a scene and, with a scene_param, the link carrying it URL-encoded', async () => {
		const run = await link({ scene: 'order_page', sceneParam: 'order=1001&来源=海报' });
		expect(run.error).toBeUndefined();
		expect(ctx.sb.requests[1].json).toEqual({ open_kfid: WECOM_DEMO.accounts.afterSales, scene: 'order_page' });
		const url = 'https://work.weixin.qq.com/kfid/kfcAfterSalesDemo00?enc_scene=ENCb3JkZXJfcGFnZQ';
		expect(run.json(WECOM_NODE_NAME)).toEqual([
			{
				open_kfid: WECOM_DEMO.accounts.afterSales,
				scene: 'order_page',
				url,
				scene_param: 'order=1001&来源=海报',
				url_with_scene_param: `${url}&scene_param=order%3D1001%26%E6%9D%A5%E6%BA%90%3D%E6%B5%B7%E6%8A%A5`,
			},
		]);
	});

	it('refuses a bad scene, a scene_param without a scene and one over 128 bytes encoded, before any request', async () => {
		expect((await link({ scene: 'order page' })).error?.message).toBe('"Scene" must be 1–32 letters, digits, _ or -, got "order page"');
		expect((await link({ scene: 'a'.repeat(33) })).error?.message).toBe(`"Scene" must be 1–32 letters, digits, _ or -, got "${'a'.repeat(33)}"`);
		// The panel hides Scene Param while Scene is empty; an expression can still leave it empty.
		expect((await link({ scene: "={{ '' }}", sceneParam: 'x=1' })).error?.message).toBe(
			'"Scene Param" needs a Scene: WeCom passes scene_param on only for a link made with a scene',
		);
		expect((await link({ scene: 'poster', sceneParam: '海'.repeat(15) })).error?.message).toBe('"Scene Param" is 135 bytes once URL-encoded; WeCom takes at most 128');
		expect(ctx.sb.requests).toEqual([]);
	});
});
