import { rawErrcode } from '../helpers/raw';
import {
	KB,
	MB,
	partsOf,
	sampleFile,
	uploadRequests,
	useBinaryMode,
	withInputs,
	type BinaryMode,
	type SampleKind,
} from '../helpers/mediaFiles';
import { withParams } from '../helpers/patch';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow } from '../helpers/workflow';

const ctx = useSandbox('demo');

type Limit = { type: 'image' | 'voice' | 'video' | 'thumb'; kind: SampleKind; max: number; limit: string };

/** WeChat's limits for temporary media, in binary units. */
const LIMITS: Limit[] = [
	{ type: 'image', kind: 'jpeg', max: 10 * MB, limit: '10 MB' },
	{ type: 'voice', kind: 'amr', max: 2 * MB, limit: '2 MB' },
	{ type: 'video', kind: 'mp4', max: 10 * MB, limit: '10 MB' },
	{ type: 'thumb', kind: 'jpeg', max: 64 * KB, limit: '64 KB' },
];

function uploadWorkflow(items: Array<{ type: string; kind?: SampleKind; size?: number; bytes?: Buffer; fileName: string }>) {
	return withInputs(
		loadWorkflow('media-upload.workflow.json'),
		items.map((i) => ({
			json: { mediaType: i.type },
			files: [{ bytes: i.bytes ?? sampleFile(i.kind!, i.size!), fileName: i.fileName }],
		})),
	);
}

describe.each<BinaryMode>(['default', 'filesystem'])('Media → Upload limits, %s binary mode', (mode) => {
	useBinaryMode(mode);

	it.each(LIMITS)('$type: exactly $max bytes is uploaded, one byte more is refused before any request', async (l) => {
		const result = await runWorkflow(
			uploadWorkflow([
				{ type: l.type, kind: l.kind, size: l.max, fileName: `max.${l.kind}` },
				{ type: l.type, kind: l.kind, size: l.max + 1, fileName: `over.${l.kind}` },
			]),
			sandboxCredential(ctx.sb),
		);
		expect(result.json('Upload Media').map((j) => j.type)).toEqual([l.type]);
		expect(result.output('Upload Media', 1).map((i) => [i.pairedItem, i.json.error])).toEqual([
			[{ item: 1 }, `"Input Binary Field" is ${l.max + 1} bytes "over.${l.kind}"; WeChat accepts ${l.type} media of at most ${l.limit} (${l.max} bytes)`],
		]);
		expect(uploadRequests(ctx.sb)).toHaveLength(1);
		expect(partsOf(uploadRequests(ctx.sb)[0])[0].data.length).toBe(l.max);
	});
});

describe('Media → Upload checks the content, not the name', () => {
	it('refuses what the media type does not accept, names the field, the file, what it is and what is allowed', async () => {
		const result = await runWorkflow(
			uploadWorkflow([
				{ type: 'voice', kind: 'png', size: 500, fileName: 'note.amr' },
				{ type: 'voice', kind: 'm4a', size: 500, fileName: 'note.m4a' },
				{ type: 'image', kind: 'bmp', size: 500, fileName: 'photo.jpg' },
				{ type: 'video', kind: 'wav', size: 500, fileName: 'clip.mp4' },
				{ type: 'thumb', kind: 'png', size: 500, fileName: 'cover.png' },
				{ type: 'image', bytes: Buffer.alloc(0), fileName: 'empty.jpg' },
				{ type: 'image', kind: 'png', size: 500, fileName: 'real.jpg' },
			]),
			sandboxCredential(ctx.sb),
		);
		expect(result.output('Upload Media', 1).map((i) => [i.pairedItem, i.json.error])).toEqual([
			[{ item: 0 }, '"Input Binary Field" is not a voice clip WeChat accepts: the file "note.amr" starts with 89 50 4E 47 (PNG); voice media must be AMR or MP3'],
			[{ item: 1 }, '"Input Binary Field" is not a voice clip WeChat accepts: the file "note.m4a" starts with 00 00 00 18 (M4A audio); voice media must be AMR or MP3'],
			[{ item: 2 }, '"Input Binary Field" is not an image WeChat accepts: the file "photo.jpg" starts with 42 4D 36 00 (BMP); image media must be JPEG, PNG or GIF'],
			[{ item: 3 }, '"Input Binary Field" is not a video WeChat accepts: the file "clip.mp4" starts with 52 49 46 46 (WAV); video media must be MP4'],
			[{ item: 4 }, '"Input Binary Field" is not a thumbnail WeChat accepts: the file "cover.png" starts with 89 50 4E 47 (PNG); thumb media must be JPEG'],
			[{ item: 5 }, '"Input Binary Field" holds an empty file "empty.jpg"'],
		]);
		// Only the PNG named .jpg went up, as real.png with its real type.
		expect(uploadRequests(ctx.sb).map((r) => partsOf(r).map((p) => [p.name, p.filename, p.contentType]))).toEqual([
			[['media', 'real.png', 'image/png']],
		]);
	});

	it('a missing binary field and an unknown media type are caught before any request', async () => {
		const wf = withInputs(loadWorkflow('media-upload.workflow.json'), [
			{ json: { mediaType: 'image' } },
			{ json: { mediaType: 'image' }, files: [{ bytes: sampleFile('jpeg', 100), fileName: 'a.jpg', property: 'photo' }] },
			{ json: { mediaType: 'file' }, files: [{ bytes: sampleFile('jpeg', 100), fileName: 'a.jpg' }] },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.json('Upload Media', 1).map((j) => j.error)).toEqual([
			'"Input Binary Field" names "data", which is not a binary field of this item (it has no binary data); set it to the field holding the image file',
			'"Input Binary Field" names "data", which is not a binary field of this item (it has: photo); set it to the field holding the image file',
			'"Media Type" must be one of image, voice, video, thumb, got "file"',
		]);
		expect(ctx.sb.requests).toEqual([]);
	});

	it('a workflow time zone n8n does not know is the same clear error as elsewhere, before any request', async () => {
		const wf = uploadWorkflow([{ type: 'image', kind: 'jpeg', size: 100, fileName: 'a.jpg' }]);
		wf.settings = { ...wf.settings, timezone: 'Mars/Olympus_Mons' };
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.json('Upload Media', 1).map((j) => j.error)).toEqual([
			'"timezone" (the workflow\'s time zone) "Mars/Olympus_Mons" is not a known time zone',
		]);
		expect(ctx.sb.requests).toEqual([]);
	});
});

describe('Media → Upload: WeChat’s refusals and unknown outcomes', () => {
	const HINTED: Array<[number, string, RegExp]> = [
		[40004, 'WeChat does not know this media type.', /^Use image, voice, video or thumb/],
		[40005, 'WeChat does not accept this kind of file for the media type.', /^Use JPEG, PNG or GIF for an image/],
		[40006, 'The file is too big (or empty) for WeChat.', /^An avatar may be at most 5 MB; temporary media/],
		[40009, 'The image is too big for WeChat.', /^Temporary images may be at most 10 MB/],
		[40010, 'The voice file is too big or too long for WeChat.', /^A voice may be at most 2 MB and 60 seconds\./],
		[40011, 'The video is too big for WeChat.', /^Temporary videos may be at most 10 MB\./],
		[40012, 'The thumbnail is too big for WeChat.', /^A thumb may be at most 64 KB \(a JPEG\)\./],
		[41005, 'The upload carried no file.', /^WeChat wants the file as the multipart part named "media"/],
	];

	it.each(HINTED)('errcode %d comes with what happened, WeChat’s words, the errcode and a hint', async (errcode, what, hint) => {
		ctx.sb.setFault('/cgi-bin/media/upload', { errcode, errmsg: 'refused' });
		const result = await runWorkflow(uploadWorkflow([{ type: 'image', kind: 'jpeg', size: 100, fileName: 'a.jpg' }]), sandboxCredential(ctx.sb));
		const [failed] = result.json('Upload Media', 1);
		expect(failed.error).toBe(`${what} WeChat: refused (errcode ${errcode})`);
		expect(failed.details).toMatchObject({ errcode, errmsg: expect.stringMatching(/^refused rid: /), hint: expect.stringMatching(hint) });
		expect(uploadRequests(ctx.sb)).toHaveLength(1);
	});

	it('the sandbox answers as WeChat: 40004 type, 41005 no file part, 40005 content, 40006 size, a media_id at the limit', async () => {
		const form = (name: string, bytes: Buffer) => {
			const b = 'XyZ';
			return Buffer.concat([
				Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
				bytes,
				Buffer.from(`\r\n--${b}--\r\n`),
			]);
		};
		const post = (type: string, body: Buffer) =>
			rawErrcode(ctx.sb, 'POST', `/cgi-bin/media/upload?type=${type}`, body, 'multipart/form-data; boundary=XyZ');
		expect(await post('file', form('media', sampleFile('jpeg', 100)))).toBe(40004);
		expect(await post('image', form('file', sampleFile('jpeg', 100)))).toBe(41005);
		expect(await post('image', form('media', Buffer.alloc(0)))).toBe(41005);
		expect(await post('voice', form('media', sampleFile('m4a', 100)))).toBe(40005);
		expect(await post('video', form('media', sampleFile('mp4', 10 * MB + 1)))).toBe(40006);
		expect(await post('thumb', form('media', sampleFile('jpeg', 64 * KB + 1)))).toBe(40006);
		expect(await post('thumb', form('media', sampleFile('jpeg', 64 * KB)))).toBeUndefined(); // success: no errcode
		expect(await post('voice', form('media', sampleFile('mp3', 2 * MB)))).toBeUndefined();
	});

	it('a timeout after the file was sent is not retried and says WeChat may have stored the file', async () => {
		ctx.sb.setFault('/cgi-bin/media/upload', { delayMs: 2500 });
		const result = await runWorkflow(uploadWorkflow([{ type: 'image', kind: 'jpeg', size: 1000, fileName: 'a.jpg' }]), sandboxCredential(ctx.sb, { timeoutSeconds: 1 }));
		const [failed] = result.json('Upload Media', 1);
		expect(String(failed.error)).toMatch(/^No answer from the WeChat API host at 127\.0\.0\.1:\d+ within 1 s \(media\/upload\)\. WeChat may have stored the file anyway: upload it again to get a media_id you can use \(an unused one expires after 3 days\)$/);
		expect(uploadRequests(ctx.sb)).toHaveLength(1);
	});

	it('errcode -1 (busy) to an upload is not retried either', async () => {
		ctx.sb.setFault('/cgi-bin/media/upload', { errcode: -1 });
		const result = await runWorkflow(uploadWorkflow([{ type: 'image', kind: 'jpeg', size: 1000, fileName: 'a.jpg' }]), sandboxCredential(ctx.sb));
		const [failed] = result.json('Upload Media', 1);
		expect(String(failed.error)).toMatch(/WeChat may have stored the file anyway/);
		expect(uploadRequests(ctx.sb)).toHaveLength(1);
	});

	it('a rejected token (40001) is refreshed and the same multipart body sent again', async () => {
		ctx.sb.setFault('/cgi-bin/media/upload', { errcode: 40001, times: 1 });
		const result = await runWorkflow(uploadWorkflow([{ type: 'voice', kind: 'mp3', size: 3000, fileName: 'v.mp3' }]), sandboxCredential(ctx.sb));
		expect(result.json('Upload Media')).toHaveLength(1);
		const [first, second] = uploadRequests(ctx.sb);
		expect(second.rawBody.equals(first.rawBody)).toBe(true);
	});

	it('with concurrency 3, five uploads share one token and keep the input order', async () => {
		const wf = withParams(
			uploadWorkflow([0, 1, 2, 3, 4].map((n) => ({ type: 'image', kind: 'gif' as SampleKind, size: 1000 + n, fileName: `g${n}.gif` }))),
			'Upload Media',
			{ options: { concurrency: 3 } },
		);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		const ids = result.json('Upload Media').map((j) => j.media_id as string);
		expect(ids.map((id) => ctx.sb.state.media.items.get(id)!.bytes.length)).toEqual([1000, 1001, 1002, 1003, 1004]);
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
	});
});
