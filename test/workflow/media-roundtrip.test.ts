import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { mediaFileName } from '../../nodes/WeChatCustomerService/resources/media/download.operation';
import { MEDIA_LIFETIME_SECONDS } from '../../sandbox/media';
import { pushFromSandbox } from '../../sandbox/routes/push';
import { VIDEO_DOWNLOAD_PATH } from '../../sandbox/routes/media';
import {
	KB,
	MB,
	binaryBytes,
	partsOf,
	sampleFile,
	uploadRequests,
	useBinaryMode,
	withInputs,
	type BinaryMode,
	type SampleKind,
} from '../helpers/mediaFiles';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow } from '../helpers/workflow';

const ctx = useSandbox('demo');

interface Case {
	type: 'image' | 'voice' | 'video' | 'thumb';
	kind: SampleKind;
	size: number;
	fileName: string;
	mime: string;
	ext: string;
}

const CASES: Case[] = [
	{ type: 'image', kind: 'jpeg', size: 300 * KB + 7, fileName: 'shoe.jpeg', mime: 'image/jpeg', ext: 'jpg' },
	{ type: 'image', kind: 'png', size: 40_001, fileName: 'chart.png', mime: 'image/png', ext: 'png' },
	{ type: 'image', kind: 'gif', size: 9_999, fileName: 'wave.gif', mime: 'image/gif', ext: 'gif' },
	{ type: 'voice', kind: 'amr', size: 12_345, fileName: 'hello.amr', mime: 'audio/amr', ext: 'amr' },
	{ type: 'voice', kind: 'mp3', size: 2 * MB, fileName: 'jingle.mp3', mime: 'audio/mpeg', ext: 'mp3' },
	{ type: 'video', kind: 'mp4', size: 10 * MB, fileName: 'unboxing.mp4', mime: 'video/mp4', ext: 'mp4' },
	{ type: 'thumb', kind: 'jpeg', size: 64 * KB, fileName: 'cover.jpg', mime: 'image/jpeg', ext: 'jpg' },
];

describe.each<BinaryMode>(['default', 'filesystem'])('Media round trip, %s binary mode', (mode) => {
	useBinaryMode(mode);

	it.each(CASES)('$type $kind ($size bytes): upload sends one part "media", download returns exactly the bytes', async (c) => {
		const bytes = sampleFile(c.kind, c.size, c.size % 7);
		const wf = withInputs(loadWorkflow('media-round-trip.workflow.json'), [
			{ json: { mediaType: c.type }, files: [{ bytes, fileName: c.fileName, mimeType: 'application/octet-stream' }] },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.json('Failed')).toEqual([]);

		const [uploaded] = result.json('Upload Media');
		const stored = [...ctx.sb.state.media.items.values()];
		expect(stored).toHaveLength(1);
		const id = stored[0].media_id;
		expect(uploaded).toEqual({
			media_id: id,
			type: c.type,
			created_at: stored[0].created_at,
			created_at_iso: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
			...(c.type === 'thumb' ? { thumb_media_id: id } : {}),
		});
		expect(new Date(String(uploaded.created_at_iso)).getTime() / 1000).toBe(stored[0].created_at);
		expect(stored[0].bytes.equals(bytes)).toBe(true);

		const [req] = uploadRequests(ctx.sb);
		expect(req.method).toBe('POST');
		expect(req.rawQuery).toMatch(new RegExp(`^type=${c.type}&access_token=[^&]+$`));
		expect(partsOf(req).map((p) => [p.name, p.filename, p.contentType])).toEqual([['media', c.fileName, c.mime]]);

		const [item] = result.output('Download Media');
		expect(item.json).toEqual({
			media_id: id,
			file_name: `media-${id.slice(0, 8)}.${c.ext}`,
			mime_type: c.mime,
			file_size: c.size,
			...(c.type === 'video' ? { video_url: `${ctx.sb.url}${VIDEO_DOWNLOAD_PATH}?vkey=${id}` } : {}),
		});
		const binary = item.binary!.file;
		expect(binary).toMatchObject({ mimeType: c.mime, fileName: `media-${id.slice(0, 8)}.${c.ext}`, fileExtension: c.ext, bytes: c.size });
		// Filesystem mode: the download went to disk (an id on the item, no base64).
		if (mode === 'filesystem') expect(binary.id).toMatch(/^filesystem-v2:/);
		else expect(binary.id).toBeUndefined();
		expect((await binaryBytes(binary)).equals(bytes)).toBe(true);

		const calls = ctx.sb.requests.map((r) => `${r.method} ${r.path}`);
		expect(calls).toEqual([
			'POST /cgi-bin/stable_token',
			'POST /cgi-bin/media/upload',
			'GET /cgi-bin/media/get',
			...(c.type === 'video' ? [`GET ${VIDEO_DOWNLOAD_PATH}`] : []),
		]);
		expect(ctx.sb.requestsTo('/cgi-bin/media/get')[0].rawQuery).toMatch(new RegExp(`^media_id=${id}&access_token=[^&]+$`));
		// The video file comes from video_url, which carries no token.
		if (c.type === 'video') expect(ctx.sb.requestsTo(VIDEO_DOWNLOAD_PATH)[0].rawQuery).toBe(`vkey=${id}`);
	});

	it('names a file WeChat calls <media_id>.ext media-<first 8 characters>.ext, and keeps any other name', () => {
		const id = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3bC5dF7gH9jK1mN3pQ5rS7tV9wX1yZ3b';
		expect(mediaFileName(id, `${id}.jpg`)).toBe('media-aB3dE5fG.jpg');
		expect(mediaFileName(id, 'shoe.jpg')).toBe('shoe.jpg');
	});

	it('a file a customer sent (seeded media) downloads byte for byte, named by the start of its media_id', async () => {
		const voice = sampleFile('amr', 6_000, 4);
		const media = ctx.sb.state.media.add('voice', voice, ctx.sb.clock.now(), 'customer.amr', 'customer');
		const wf = withInputs(loadWorkflow('media-download.workflow.json'), [{ json: { mediaId: media.media_id } }]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		const [item] = result.output('Download Media');
		expect(item.json).toEqual({ media_id: media.media_id, file_name: `media-${media.media_id.slice(0, 8)}.amr`, mime_type: 'audio/amr', file_size: 6_000 });
		expect((await binaryBytes(item.binary!.file)).equals(voice)).toBe(true);
	});

	it.each(['image', 'voice', 'video'] as const)('a %s a customer sent (a sandbox push) downloads by its MediaId, byte for byte', async (type) => {
		// Stands in for the trigger: takes the push, answers "success".
		const trigger = createServer((req, res) => {
			req.resume();
			req.on('end', () => res.end('success'));
		});
		await new Promise<void>((resolve) => trigger.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(trigger.address() as AddressInfo).port}/webhook`;
			const pushed = (await pushFromSandbox(ctx.sb, { url, type, mode: 'plain', from: 'oDemo_LiLei_7fQx2mZk9pW1' })) as { xml?: string };
			const mediaId = /<MediaId><!\[CDATA\[([^\]]+)\]\]><\/MediaId>/.exec(pushed.xml ?? '')![1];
			const sent = ctx.sb.state.media.items.get(mediaId)!;
			expect(sent).toMatchObject({ type, source: 'customer' });
			const wf = withInputs(loadWorkflow('media-download.workflow.json'), [{ json: { mediaId } }]);
			const [item] = (await runWorkflow(wf, sandboxCredential(ctx.sb))).output('Download Media');
			expect(item.json).toMatchObject({ media_id: mediaId, mime_type: sent.mimeType, file_size: sent.bytes.length });
			expect((await binaryBytes(item.binary!.file)).equals(sent.bytes)).toBe(true);
			if (type === 'video') {
				const thumbId = /<ThumbMediaId><!\[CDATA\[([^\]]+)\]\]>/.exec(pushed.xml ?? '')![1];
				expect(ctx.sb.state.media.items.get(thumbId)).toMatchObject({ type: 'thumb', mimeType: 'image/jpeg' });
			}
		} finally {
			await new Promise((resolve) => trigger.close(resolve));
		}
	});

	it('expires on the sandbox clock: one second before 3 days it downloads, at 3 days it is 40007 and no file', async () => {
		// A frozen clock: real seconds passing during the test must not count.
		ctx.sb.clock.freezeAt(ctx.sb.clock.now());
		const image = sampleFile('jpeg', 2_000);
		const media = ctx.sb.state.media.add('image', image, ctx.sb.clock.now());
		const wf = withInputs(loadWorkflow('media-download.workflow.json'), [{ json: { mediaId: media.media_id } }]);
		ctx.sb.clock.advance(MEDIA_LIFETIME_SECONDS - 1);
		const fresh = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect((await binaryBytes(fresh.output('Download Media')[0].binary!.file)).equals(image)).toBe(true);

		ctx.sb.clock.advance(1);
		const expired = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(expired.output('Download Media')).toEqual([]);
		const [failed] = expired.output('Download Media', 1);
		expect(failed.binary).toBeUndefined();
		expect(failed.json.error).toBe('WeChat does not know this media_id. WeChat: invalid media_id (errcode 40007)');
		expect(failed.json.details).toMatchObject({ errcode: 40007, errmsg: expect.stringMatching(/^invalid media_id rid: /) });
		expect(String((failed.json.details as { hint: string }).hint)).toMatch(/^It is mistyped, belongs to another Official Account, or has expired \(temporary media lives 3 days\)/);
	});
});

describe('Media → Download: what WeChat answers instead of a file', () => {
	it('40007 in a text/plain body is reported as the refusal it is, never saved as a file', async () => {
		const wf = withInputs(loadWorkflow('media-download.workflow.json'), [{ json: { mediaId: 'no_such_media_id' } }]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.output('Download Media')).toEqual([]);
		const [failed] = result.output('Download Media', 1);
		expect(failed).toMatchObject({
			json: {
				error: 'WeChat does not know this media_id. WeChat: invalid media_id (errcode 40007)',
				details: expect.objectContaining({ errcode: 40007 }),
			},
			pairedItem: { item: 0 },
		});
		// WeChat's error answer really was text/plain.
		expect(ctx.sb.requestsTo('/cgi-bin/media/get')).toHaveLength(1);
	});

	it('refreshes a rejected token (40001 in the body) and downloads on the second try', async () => {
		const image = sampleFile('png', 5_000);
		const media = ctx.sb.state.media.add('image', image, ctx.sb.clock.now());
		ctx.sb.setFault('/cgi-bin/media/get', { errcode: 40001, times: 1 });
		const wf = withInputs(loadWorkflow('media-download.workflow.json'), [{ json: { mediaId: media.media_id } }]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect((await binaryBytes(result.output('Download Media')[0].binary!.file)).equals(image)).toBe(true);
		expect(ctx.sb.requestsTo('/cgi-bin/media/get')).toHaveLength(2);
	});

	it('an empty Media ID is caught before any request', async () => {
		const wf = withInputs(loadWorkflow('media-download.workflow.json'), [{ json: { mediaId: '  ' } }]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.json('Download Media', 1).map((j) => j.error)).toEqual(['"Media ID" is required but empty']);
		expect(ctx.sb.requests).toEqual([]);
	});
});
