import { createHash } from 'node:crypto';

import { withParams } from '../helpers/patch';
import { rawErrcode } from '../helpers/raw';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow, type WorkflowJson } from '../helpers/workflow';
import { BUILTIN_AVATAR } from '../../sandbox/avatars';
import { multipartBoundary, parseMultipart } from '../../sandbox/multipart';

const ctx = useSandbox('demo');
const FIVE_MB = 5 * 1024 * 1024;

/** A JPEG-looking file: SOI + APP0 marker, deterministic filler, EOI. */
function jpeg(size: number, seed = 1): Buffer {
	const buf = Buffer.alloc(size);
	for (let i = 0; i < size; i++) buf[i] = (i * 31 + seed * 17) & 0xff;
	buf.set([0xff, 0xd8, 0xff, 0xe0], 0);
	buf.set([0xff, 0xd9], size - 2);
	return buf;
}

const PNG = Buffer.concat([Buffer.from('89504E470D0A1A0A0000000D49484452', 'hex'), Buffer.alloc(64, 7)]);

interface FileSpec {
	property?: string;
	bytes: Buffer;
	fileName: string;
	mimeType?: string;
}

function withFiles(wf: WorkflowJson, items: Array<{ kfAccount: string; file: FileSpec | null }>): WorkflowJson {
	return withParams(wf, 'Input Items', {
		items: JSON.stringify(items.map((i) => ({ kfAccount: i.kfAccount }))),
		binary: JSON.stringify(
			items.map(({ file }) =>
				file
					? {
							property: file.property ?? 'data',
							base64: file.bytes.toString('base64'),
							fileName: file.fileName,
							mimeType: file.mimeType ?? 'image/jpeg',
						}
					: null,
			),
		),
	});
}

function uploads() {
	return ctx.sb.requestsTo('/customservice/kfaccount/uploadheadimg');
}

function mediaParts(index: number) {
	const req = uploads()[index];
	const boundary = multipartBoundary(String(req.headers['content-type']));
	return parseMultipart(req.rawBody, boundary!)!;
}

describe('Avatar: Upload', () => {
	it('POSTs one multipart part "media" with the JPEG bytes, kf_account with a literal @ in the query', async () => {
		const image = jpeg(40_000);
		const wf = withFiles(loadWorkflow('avatar-upload.workflow.json'), [
			{ kfAccount: 'alice@sandbox_oa', file: { bytes: image, fileName: 'alice-640.jpg' } },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.output('Upload Avatar')).toEqual([
			{
				json: {
					kf_account: 'alice@sandbox_oa',
					operation: 'upload',
					success: true,
					file_name: 'alice-640.jpg',
					file_size: 40_000,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(uploads()).toHaveLength(1);
		const req = uploads()[0];
		expect(req.method).toBe('POST');
		expect(req.rawQuery).toMatch(/^kf_account=alice@sandbox_oa&access_token=[^&]+$/);
		expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=[-\w]+$/);
		const parts = mediaParts(0);
		expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([['media', 'alice-640.jpg', 'image/jpeg']]);
		expect(parts[0].data.equals(image)).toBe(true);
		const agent = ctx.sb.state.agents.find((a) => a.kf_account === 'alice@sandbox_oa')!;
		expect(agent.kf_headimgurl).toBe(`${ctx.sb.url}/mmhead/1001/0`);
		expect(ctx.sb.state.avatarFiles.get('/mmhead/1001/0')!.equals(image)).toBe(true);
	});

	it('checks every file before sending: missing, PNG renamed .jpg, 5 MB + 1 byte; exactly 5 MB and the rest go through', async () => {
		const wf = withFiles(loadWorkflow('avatar-upload.workflow.json'), [
			{ kfAccount: 'alice@sandbox_oa', file: { bytes: jpeg(FIVE_MB), fileName: 'five.jpg' } },
			{ kfAccount: 'bob@sandbox_oa', file: null },
			{ kfAccount: 'carol@sandbox_oa', file: { bytes: PNG, fileName: 'photo.jpg', mimeType: 'image/jpeg' } },
			{ kfAccount: 'dave@sandbox_oa', file: { bytes: jpeg(FIVE_MB + 1), fileName: 'big.jpg' } },
			{ kfAccount: 'erin@sandbox_oa', file: { bytes: jpeg(2048, 5), fileName: 'erin.png', mimeType: 'image/png' } },
			{ kfAccount: 'erin@sandbox_oa', file: { property: 'photo', bytes: jpeg(2048), fileName: 'x.jpg' } },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.output('Upload Avatar', 0).map((i) => [i.pairedItem, i.json.kf_account, i.json.file_name, i.json.file_size])).toEqual([
			[{ item: 0 }, 'alice@sandbox_oa', 'five.jpg', FIVE_MB],
			[{ item: 4 }, 'erin@sandbox_oa', 'erin.jpg', 2048],
		]);
		const failed = result.output('Upload Avatar', 1);
		expect(failed.map((i) => [i.pairedItem, i.json.error])).toEqual([
			[
				{ item: 1 },
				'"Input Binary Field" names "data", which is not a binary field of this item (it has no binary data); set it to the field holding the JPEG',
			],
			[
				{ item: 2 },
				'"Input Binary Field" is not a JPEG image: the file "photo.jpg" starts with 89 50 4E 47 (PNG), not FF D8 FF. WeChat accepts only JPEG avatars',
			],
			[
				{ item: 3 },
				`"Input Binary Field" is ${FIVE_MB + 1} bytes "big.jpg"; WeChat accepts avatars of at most 5 MB (${FIVE_MB} bytes)`,
			],
			[
				{ item: 5 },
				'"Input Binary Field" names "data", which is not a binary field of this item (it has: photo); set it to the field holding the JPEG',
			],
		]);
		expect(result.json('Failed')).toHaveLength(4);
		// Only the two valid files were sent; the PNG-named JPEG goes up as erin.jpg.
		expect(uploads().map((r) => r.rawQuery.split('&')[0])).toEqual(['kf_account=alice@sandbox_oa', 'kf_account=erin@sandbox_oa']);
		expect(mediaParts(0)[0].data.length).toBe(FIVE_MB);
		expect(mediaParts(1).map((p) => [p.name, p.filename])).toEqual([['media', 'erin.jpg']]);
	});

	it('the sandbox refuses what WeChat refuses: non-JPEG 61457, over 5 MB 40006, no media part 41005, escaped @ 65401', async () => {
		const post = (query: string, body: Buffer, contentType: string) =>
			rawErrcode(ctx.sb, 'POST', `/customservice/kfaccount/uploadheadimg?${query}`, body, contentType);
		const form = (name: string, bytes: Buffer) => {
			const b = 'XyZ';
			return Buffer.concat([
				Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
				bytes,
				Buffer.from(`\r\n--${b}--\r\n`),
			]);
		};
		const ct = 'multipart/form-data; boundary=XyZ';
		expect(await post('kf_account=alice@sandbox_oa', form('media', PNG), ct)).toBe(61457);
		expect(await post('kf_account=alice@sandbox_oa', form('media', jpeg(FIVE_MB + 1)), ct)).toBe(40006);
		expect(await post('kf_account=alice@sandbox_oa', form('file', jpeg(100)), ct)).toBe(41005);
		expect(await post('kf_account=alice%40sandbox_oa', form('media', jpeg(100)), ct)).toBe(65401);
		expect(await post('kf_account=nobody@sandbox_oa', form('media', jpeg(100)), ct)).toBe(65401);
		expect(await post('kf_account=alice@sandbox_oa', form('media', jpeg(100)), ct)).toBe(0);
	});

	it('maps a WeChat refusal of the upload to the error with its hint', async () => {
		ctx.sb.setFault('/customservice/kfaccount/uploadheadimg', { errcode: 61457, errmsg: 'invalid file type' });
		const wf = withFiles(loadWorkflow('avatar-upload.workflow.json'), [
			{ kfAccount: 'alice@sandbox_oa', file: { bytes: jpeg(100), fileName: 'a.jpg' } },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.output('Upload Avatar', 1)[0].json.details).toEqual({
			errcode: 61457,
			errmsg: expect.stringMatching(/^invalid file type rid: /),
			hint: 'Use a JPEG image (640×640 recommended).',
		});
	});

	it('resends the same multipart body after a token refresh (40001)', async () => {
		const image = jpeg(3000, 9);
		ctx.sb.setFault('/customservice/kfaccount/uploadheadimg', { errcode: 40001, times: 1 });
		const wf = withFiles(loadWorkflow('avatar-upload.workflow.json'), [
			{ kfAccount: 'bob@sandbox_oa', file: { bytes: image, fileName: 'bob.jpg' } },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.json('Succeeded')).toHaveLength(1);
		expect(uploads()).toHaveLength(2);
		expect(uploads()[1].rawBody.equals(uploads()[0].rawBody)).toBe(true);
		expect(mediaParts(1)[0].data.equals(image)).toBe(true);
	});
});

describe('Avatar: Download', () => {
	it('returns the avatar as binary with head_image_size; an agent without avatar gives null and no binary', async () => {
		const result = await runWorkflow(loadWorkflow('avatar-download.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const [alice, dave] = result.output('Download Avatar');
		expect(alice.json).toEqual({
			kf_account: 'alice@sandbox_oa',
			kf_id: '1001',
			kf_nick: '客服小美',
			kf_headimgurl: `${ctx.sb.url}/mmhead/1001/0`,
			head_image_size: 640,
			mime_type: 'image/jpeg',
			file_size: BUILTIN_AVATAR.length,
		});
		expect(alice.pairedItem).toEqual({ item: 0 });
		expect(Object.keys(alice.binary!)).toEqual(['avatar']);
		expect(alice.binary!.avatar).toMatchObject({ mimeType: 'image/jpeg', fileName: 'alice.jpg', fileExtension: 'jpg' });
		expect(Buffer.from(alice.binary!.avatar.data, 'base64').equals(BUILTIN_AVATAR)).toBe(true);
		expect(dave).toEqual({
			json: {
				kf_account: 'dave@sandbox_oa',
				kf_id: '1004',
				kf_nick: '大卫',
				kf_headimgurl: '',
				head_image_size: null,
			},
			pairedItem: { item: 1 },
		});
		expect(ctx.sb.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /cgi-bin/stable_token',
			'GET /cgi-bin/customservice/getkflist',
			'GET /mmhead/1001/0',
			'GET /cgi-bin/customservice/getkflist',
		]);
		// The CDN fetch carries no token.
		expect(ctx.sb.requestsTo('/mmhead/1001/0')[0].rawQuery).toBe('');
	});

	it('sends a missing agent and a vanished avatar file to the error output', async () => {
		ctx.sb.state.avatarFiles.delete('/mmhead/1002/132');
		const wf = withParams(loadWorkflow('avatar-download.workflow.json'), 'Input Items', {
			items: JSON.stringify([{ kfAccount: 'nobody@sandbox_oa' }, { kfAccount: 'carol@sandbox_oa' }, { kfAccount: 'bob@sandbox_oa' }]),
		});
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.output('Download Avatar', 0).map((i) => [i.pairedItem, i.json.kf_account, i.json.head_image_size])).toEqual([
			[{ item: 1 }, 'carol@sandbox_oa', 96],
		]);
		expect(result.output('Download Avatar', 1).map((i) => [i.pairedItem, i.json.error])).toEqual([
			[{ item: 0 }, '"Account" "nobody@sandbox_oa" is not an account of this Official Account (not in getkflist)'],
			[{ item: 2 }, `The avatar URL at ${ctx.sb.url.replace('http://', '')} answered HTTP 404 instead of 200`],
		]);
	});

	it('round trip: upload a JPEG, then download returns exactly the uploaded bytes', async () => {
		const image = jpeg(123_457, 3);
		const wf = withFiles(loadWorkflow('avatar-round-trip.workflow.json'), [
			{ kfAccount: 'dave@sandbox_oa', file: { bytes: image, fileName: 'dave.jpeg' } },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const [item] = result.output('Download Avatar');
		expect(item.json).toMatchObject({
			kf_account: 'dave@sandbox_oa',
			kf_headimgurl: `${ctx.sb.url}/mmhead/1004/0`,
			head_image_size: 640,
			file_size: image.length,
		});
		const downloaded = Buffer.from(item.binary!.avatar.data, 'base64');
		expect(createHash('sha256').update(downloaded).digest('hex')).toBe(createHash('sha256').update(image).digest('hex'));
		expect(downloaded.equals(image)).toBe(true);
		expect(item.binary!.avatar.fileName).toBe('dave.jpg');
	});
});
