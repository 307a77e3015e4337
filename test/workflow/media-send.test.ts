import { KB, partsOf, sampleFile, uploadRequests, useBinaryMode, withInputs, type BinaryMode } from '../helpers/mediaFiles';
import { withParams } from '../helpers/patch';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow, type WorkflowJson } from '../helpers/workflow';
import { LI, HAN } from '../helpers/demo';

const ctx = useSandbox('demo');
const NODE = 'Send From Binary';
const SEND = '/cgi-bin/message/custom/send';

function sendWorkflow(params: Record<string, unknown>, items: Parameters<typeof withInputs>[1]): WorkflowJson {
	return withInputs(withParams(loadWorkflow('message-send-from-binary.workflow.json'), NODE, params), items);
}

function calls(): string[] {
	return ctx.sb.requests.map((r) => `${r.method} ${r.path}${r.path === '/cgi-bin/media/upload' ? `?${r.rawQuery.split('&')[0]}` : ''}`);
}

describe.each<BinaryMode>(['default', 'filesystem'])('Message → Send from binary, %s binary mode', (mode) => {
	useBinaryMode(mode);

	it('image: one upload, then one send with that media_id; the output carries it', async () => {
		const photo = sampleFile('jpeg', 50 * KB, 2);
		const wf = sendWorkflow({ messageType: 'image' }, [{ json: { openid: LI }, files: [{ bytes: photo, fileName: 'product.jpg', mimeType: 'image/jpeg' }] }]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const [media] = [...ctx.sb.state.media.items.values()];
		expect(media.bytes.equals(photo)).toBe(true);
		expect(calls()).toEqual(['POST /cgi-bin/stable_token', 'POST /cgi-bin/media/upload?type=image', `POST ${SEND}`]);
		expect(ctx.sb.requestsTo(SEND)[0].json).toEqual({ touser: LI, msgtype: 'image', image: { media_id: media.media_id } });
		expect(result.output(NODE)).toEqual([
			{ json: { success: true, openid: LI, msgtype: 'image', media_id: media.media_id }, pairedItem: { item: 0 } },
		]);
	});

	it('video: the video and its thumbnail are uploaded, then one send with both ids, as an agent', async () => {
		const video = sampleFile('mp4', 300 * KB, 3);
		const thumb = sampleFile('jpeg', 20 * KB, 4);
		const wf = sendWorkflow({ messageType: 'video', title: '开箱', description: 'Unboxing', kfAccount: 'alice@sandbox_oa' }, [
			{
				json: { openid: HAN },
				files: [
					{ bytes: video, fileName: 'unboxing.mp4' },
					{ bytes: thumb, fileName: 'cover.jpg', property: 'thumb' },
				],
			},
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			'POST /cgi-bin/stable_token',
			'POST /cgi-bin/media/upload?type=video',
			'POST /cgi-bin/media/upload?type=thumb',
			`POST ${SEND}`,
		]);
		const [videoId, thumbId] = [...ctx.sb.state.media.items.values()].map((m) => m.media_id);
		expect(ctx.sb.requestsTo(SEND)[0].rawBody.toString()).toBe(
			JSON.stringify({
				touser: HAN,
				msgtype: 'video',
				video: { media_id: videoId, thumb_media_id: thumbId, title: '开箱', description: 'Unboxing' },
				customservice: { kf_account: 'alice@sandbox_oa' },
			}),
		);
		expect(result.json(NODE)).toEqual([
			{ success: true, openid: HAN, msgtype: 'video', kf_account: 'alice@sandbox_oa', media_id: videoId, thumb_media_id: thumbId },
		]);
	});
});

describe('Message → Send from binary: nothing is sent that should not be', () => {
	it('a failed upload sends no message; the next item still goes through', async () => {
		ctx.sb.setFault('/cgi-bin/media/upload', { errcode: 40005, times: 1 });
		const wf = sendWorkflow({ messageType: 'voice' }, [
			{ json: { openid: LI }, files: [{ bytes: sampleFile('amr', 4000), fileName: 'a.amr' }] },
			{ json: { openid: HAN }, files: [{ bytes: sampleFile('mp3', 4000), fileName: 'b.mp3' }] },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.output(NODE, 1).map((i) => [i.pairedItem, i.json.error])).toEqual([[{ item: 0 }, 'WeChat does not accept this kind of file for the media type. WeChat: error (errcode 40005)']]);
		expect(uploadRequests(ctx.sb)).toHaveLength(2);
		expect(ctx.sb.requestsTo(SEND).map((r) => (r.json as { touser: string }).touser)).toEqual([HAN]);
		expect(result.json(NODE)).toEqual([{ success: true, openid: HAN, msgtype: 'voice', media_id: [...ctx.sb.state.media.items.keys()][0] }]);
	});

	it('every input is checked before the first upload: a bad file, a missing thumbnail, a bad agent', async () => {
		const wf = sendWorkflow({ messageType: 'video', kfAccount: '={{ $json.kfAccount }}' }, [
			{ json: { openid: LI, kfAccount: '' }, files: [{ bytes: sampleFile('wav', 900), fileName: 'clip.mp4' }, { bytes: sampleFile('jpeg', 900), fileName: 't.jpg', property: 'thumb' }] },
			{ json: { openid: LI, kfAccount: '' }, files: [{ bytes: sampleFile('mp4', 900), fileName: 'clip.mp4' }] },
			{ json: { openid: LI, kfAccount: 'not-an-account' }, files: [{ bytes: sampleFile('mp4', 900), fileName: 'clip.mp4' }, { bytes: sampleFile('jpeg', 900), fileName: 't.jpg', property: 'thumb' }] },
			{ json: { openid: LI, kfAccount: '' }, files: [{ bytes: sampleFile('mp4', 900), fileName: 'clip.mp4' }, { bytes: sampleFile('png', 900), fileName: 't.jpg', property: 'thumb' }] },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		const errors = result.json(NODE, 1).map((j) => String(j.error));
		expect(errors).toHaveLength(4);
		expect(errors[0]).toBe('"Input Binary Field" is not a video WeChat accepts: the file "clip.mp4" starts with 52 49 46 46 (WAV); video media must be MP4');
		expect(errors[1]).toBe('"Thumbnail Binary Field" names "thumb", which is not a binary field of this item (it has: data); set it to the field holding the thumbnail file');
		expect(errors[2]).toMatch(/^"Send as Agent" /);
		expect(errors[3]).toBe('"Thumbnail Binary Field" is not a thumbnail WeChat accepts: the file "t.jpg" starts with 89 50 4E 47 (PNG); thumb media must be JPEG');
		expect(ctx.sb.requests).toEqual([]);
	});

	it('Media Source "Media ID" still sends the given media_id without any upload', async () => {
		const wf = sendWorkflow({ messageType: 'image', mediaSource: 'mediaId', mediaId: 'MEDIA_given_001' }, [{ json: { openid: LI } }]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.json(NODE)).toEqual([{ success: true, openid: LI, msgtype: 'image' }]);
		expect(uploadRequests(ctx.sb)).toEqual([]);
		expect(ctx.sb.requestsTo(SEND)[0].json).toEqual({ touser: LI, msgtype: 'image', image: { media_id: 'MEDIA_given_001' } });
	});

	it('the upload part carries the real type: a PNG named .jpg goes up as .png, image/png', async () => {
		const wf = sendWorkflow({ messageType: 'image' }, [{ json: { openid: LI }, files: [{ bytes: sampleFile('png', 700), fileName: 'photo.jpg', mimeType: 'image/jpeg' }] }]);
		await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(partsOf(uploadRequests(ctx.sb)[0]).map((p) => [p.name, p.filename, p.contentType])).toEqual([['media', 'photo.png', 'image/png']]);
	});
});
