import { validateWeComMedia } from '../../nodes/WeComCustomerService/client/media';
import { binaryBytes, partsOf, sampleFile, KB, MB } from '../helpers/mediaFiles';
import { useSandbox } from '../helpers/sandbox';
import { WECOM_NODE_NAME, runWeCom } from '../helpers/wecom';
import { runWeComWithFiles } from '../fixtures/wecom/binaryItems';

const ctx = useSandbox('demo');

const upload = (mediaType: string) => ({ resource: 'media', operation: 'upload', mediaType, binaryPropertyName: 'data' });

describe('WeCom Media: Upload', () => {
	it('uploads a PNG as image media and outputs its media_id and time', async () => {
		const png = sampleFile('png', 2 * KB);
		const run = await runWeComWithFiles(ctx.sb, upload('image'), [{ files: [{ bytes: png, fileName: 'photo.png', mimeType: 'image/png' }] }]);
		expect(run.error).toBeUndefined();
		const [item] = run.json(WECOM_NODE_NAME);
		const uploads = ctx.sb.requestsTo('/cgi-bin/media/upload');
		expect(uploads).toHaveLength(1);
		expect(uploads[0].query.type).toBe('image');
		const [part] = partsOf(uploads[0]);
		expect(part).toMatchObject({ name: 'media', filename: 'photo.png' });
		expect(Buffer.compare(part.data, png)).toBe(0);
		expect(item).toEqual({
			media_id: expect.stringMatching(/^3/),
			type: 'image',
			file_name: 'photo.png',
			file_size: 2 * KB,
			created_at: ctx.sb.clock.now(),
			created_at_iso: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
	});

	it('names the file by what it is, not by its name: a JPEG called .png goes up as .jpg', async () => {
		const jpeg = sampleFile('jpeg', 1 * KB);
		const run = await runWeComWithFiles(ctx.sb, upload('image'), [{ files: [{ bytes: jpeg, fileName: 'scan.png' }] }]);
		expect(run.error).toBeUndefined();
		const [part] = partsOf(ctx.sb.requestsTo('/cgi-bin/media/upload')[0]);
		expect(part.filename).toBe('scan.jpg');
		expect(part.contentType).toBe('image/jpeg');
	});

	it('refuses a GIF as image before any request (WeCom takes JPEG or PNG)', async () => {
		const gif = sampleFile('gif', 1 * KB);
		const run = await runWeComWithFiles(ctx.sb, upload('image'), [{ files: [{ bytes: gif, fileName: 'cat.png' }] }]);
		expect(run.error?.message).toBe('"Input Binary Field" is not an image WeCom accepts: the file "cat.png" starts with 47 49 46 38 (GIF); image media must be JPEG or PNG');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('refuses an MP3 as voice (WeCom takes AMR only) and a voice clip over 2 MB', async () => {
		const mp3 = await runWeComWithFiles(ctx.sb, upload('voice'), [{ files: [{ bytes: sampleFile('mp3', 1 * KB), fileName: 'a.mp3' }] }]);
		expect(mp3.error?.message).toBe('"Input Binary Field" is not a voice clip WeCom accepts: the file "a.mp3" starts with 49 44 33 04 (MP3); voice media must be AMR');
		const big = await runWeComWithFiles(ctx.sb, upload('voice'), [{ files: [{ bytes: sampleFile('amr', 2 * MB + 1), fileName: 'long.amr' }] }]);
		expect(big.error?.message).toBe('"Input Binary Field" is 2097153 bytes "long.amr"; WeCom accepts voice media of at most 2 MB (2097152 bytes)');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('takes any content as a file, but not 5 bytes or fewer', async () => {
		const pdf = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
		const ok = await runWeComWithFiles(ctx.sb, upload('file'), [{ files: [{ bytes: pdf, fileName: 'invoice.pdf', mimeType: 'application/pdf' }] }]);
		expect(ok.error).toBeUndefined();
		expect(ok.json(WECOM_NODE_NAME)[0]).toMatchObject({ type: 'file', file_name: 'invoice.pdf', file_size: pdf.length });
		const [part] = partsOf(ctx.sb.requestsTo('/cgi-bin/media/upload')[0]);
		expect(part.filename).toBe('invoice.pdf');
		ctx.sb.requests.length = 0;

		const tiny = await runWeComWithFiles(ctx.sb, upload('file'), [{ files: [{ bytes: Buffer.from('hello'), fileName: 'a.txt' }] }]);
		expect(tiny.error?.message).toBe('"Input Binary Field" is 5 bytes "a.txt"; WeCom accepts file media of at least 6 bytes');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('names the binary fields the item has when the field is wrong', async () => {
		const run = await runWeComWithFiles(ctx.sb, { ...upload('image'), binaryPropertyName: 'photo' }, [
			{ files: [{ bytes: sampleFile('png', 100), fileName: 'p.png' }] },
		]);
		expect(run.error?.message).toBe(
			'"Input Binary Field" names "photo", which is not a binary field of this item (it has: data); set it to the field holding the image file',
		);
		expect(ctx.sb.requests).toEqual([]);
	});
});

describe('WeCom Media: Download', () => {
	it('streams the file into the binary field, named by Content-Disposition', async () => {
		const png = sampleFile('png', 3 * KB, 7);
		const up = await runWeComWithFiles(ctx.sb, upload('image'), [{ files: [{ bytes: png, fileName: '退货照片.png' }] }]);
		const mediaId = String(up.json(WECOM_NODE_NAME)[0].media_id);
		ctx.sb.requests.length = 0;

		const run = await runWeCom(ctx.sb, { resource: 'media', operation: 'download', mediaId, binaryPropertyName: 'photo' });
		expect(run.error).toBeUndefined();
		// The token of the upload serves the download.
		expect(ctx.sb.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /cgi-bin/media/get']);
		expect(ctx.sb.requests[0].query.media_id).toBe(mediaId);
		const [item] = run.output(WECOM_NODE_NAME);
		expect(item.json).toEqual({ media_id: mediaId, file_name: '退货照片.png', mime_type: 'image/png', file_size: 3 * KB });
		expect(item.binary?.photo).toMatchObject({ fileName: '退货照片.png', mimeType: 'image/png' });
		expect(Buffer.compare(await binaryBytes(item.binary!.photo), png)).toBe(0);
	});

	it('says what WeCom answered for an unknown media_id', async () => {
		const run = await runWeCom(ctx.sb, { resource: 'media', operation: 'download', mediaId: 'no-such-media', binaryPropertyName: 'data' });
		expect(run.error?.message).toMatch(/^WeCom: invalid media_id.*\(errcode 40007\)$/);
	});
});

describe('WeCom media rules', () => {
	it('caps a file at 20 MB and takes one of exactly 20 MB', () => {
		expect(() => validateWeComMedia('file', Buffer.alloc(20 * MB + 1, 1), 'data', 'big.bin')).toThrow(
			'is 20971521 bytes "big.bin"; WeCom accepts file media of at most 20 MB (20971520 bytes)',
		);
		expect(validateWeComMedia('file', Buffer.alloc(20 * MB, 1), 'data')).toBeUndefined();
		expect(validateWeComMedia('video', sampleFile('mp4', 10 * MB), 'data')?.kind).toBe('mp4');
	});
});
