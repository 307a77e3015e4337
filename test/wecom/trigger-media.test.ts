// Download Media: a customer's image, voice, video or file comes with the item as binary "data".
import { WECOM_DEMO, sendCallback, weComCustomers } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { TriggerHarness, forgetProcessMemory } from './trigger.harness';

const ctx = useSandbox('demo');
const { accounts: A, customers: C } = WECOM_DEMO;
let harness: TriggerHarness;

beforeEach(forgetProcessMemory);
afterEach(async () => {
	await harness?.stop();
});

describe('Download Media', () => {
	it('puts each customer file into binary "data", with WeCom’s bytes and type; a text comes without', async () => {
		harness = await new TriggerHarness(ctx.sb, { options: { downloadMedia: true } }).start();
		await harness.activate();
		const corp = ctx.sb.state.wecom.demoCorp;
		const image = weComCustomers.customerWrites(corp, A.afterSales, C.chen, { msgtype: 'image' });
		const voice = weComCustomers.customerWrites(corp, A.afterSales, C.chen, { msgtype: 'voice' });
		weComCustomers.customerWrites(corp, A.afterSales, C.chen, { msgtype: 'text', content: 'see above' });
		await sendCallback(corp, A.afterSales, { retryIntervalMs: 0 });
		await harness.idle();
		const items = harness.fullItems;
		expect(items.map((i) => [i.json.msgtype, Object.keys(i.binary ?? {})])).toEqual([
			['image', ['data']],
			['voice', ['data']],
			['text', []],
		]);
		for (const [item, entry] of [
			[items[0], image],
			[items[1], voice],
		] as const) {
			const media = corp.mediaOf((entry.content as { media_id: string }).media_id);
			expect(Buffer.from(item.binary?.data.data ?? '', 'base64')).toEqual(media.bytes);
			expect(item.binary?.data.mimeType).toBe(media.mimeType);
		}
		expect(items[0].binary?.data.fileName).toBe(`image-${image.msgid.slice(0, 8)}.${items[0].binary?.data.fileExtension}`);
	});

	it('keeps the message when its file is gone, with media_error saying why', async () => {
		harness = await new TriggerHarness(ctx.sb, { options: { downloadMedia: true } }).start();
		await harness.activate();
		const corp = ctx.sb.state.wecom.demoCorp;
		weComCustomers.customerWrites(corp, A.afterSales, C.chen, { msgtype: 'file' });
		ctx.sb.setFault('/cgi-bin/media/get', { errcode: 40007, times: 1 });
		await sendCallback(corp, A.afterSales, { retryIntervalMs: 0 });
		await harness.idle();
		const [item] = harness.fullItems;
		expect(item.binary).toBeUndefined();
		expect(item.json.media_error).toMatch(/^WeCom: error \(errcode 40007\)/);
	});
});
