// The callback checked by a receiver written here from WeCom's algorithm, not with the sandbox's code.
import { createDecipheriv, createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SANDBOX_WECOM, SANDBOX_WECOM_PATHS, WECOM_DEMO } from '../../../sandbox';
import { api, sandboxPost, useWeComSandbox, type Json } from './helpers';

const ctx = useWeComSandbox('demo');
const { accounts: A, customers: C } = WECOM_DEMO;

interface Seen {
	method: string;
	query: URLSearchParams;
	body: string;
}

type Behaviour = 'success' | 'status500' | 'hang' | 'echo';

let receiver: Server;
let receiverUrl = '';
let seen: Seen[] = [];
let behaviours: Behaviour[] = [];

function decrypt(encrypted: string): { message: string; receiveId: string; padding: number } {
	const key = Buffer.from(`${SANDBOX_WECOM.encodingAESKey}=`, 'base64');
	const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
	decipher.setAutoPadding(false);
	const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
	const padding = plain[plain.length - 1];
	const frame = plain.subarray(0, plain.length - padding);
	const length = frame.readUInt32BE(16);
	return { message: frame.subarray(20, 20 + length).toString('utf8'), receiveId: frame.subarray(20 + length).toString('utf8'), padding };
}

const sha1 = (parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');

beforeEach(async () => {
	seen = [];
	behaviours = [];
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://x');
			seen.push({ method: req.method ?? '', query: url.searchParams, body: Buffer.concat(chunks).toString() });
			const behaviour = behaviours.shift() ?? 'success';
			if (behaviour === 'hang') return;
			if (behaviour === 'status500') return void res.writeHead(500).end('busy');
			if (behaviour === 'echo') return void res.writeHead(200).end(decrypt(url.searchParams.get('echostr') ?? '').message);
			res.writeHead(200).end('success');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
	ctx.sb.state.wecom.demoCorp.callback = { url: receiverUrl, token: SANDBOX_WECOM.callbackToken, encodingAESKey: SANDBOX_WECOM.encodingAESKey };
});

afterEach(async () => {
	receiver.closeAllConnections();
	await new Promise((resolve) => receiver.close(resolve));
});

const say = (body: Json) => sandboxPost(ctx.sb, SANDBOX_WECOM_PATHS.customerMessage, { open_kfid: A.afterSales, external_userid: C.chen, ...body });

describe('WeCom sandbox: the kf_msg_or_event callback', () => {
	it('signs and encrypts the notification like WeCom, with the CorpID as receive id', async () => {
		const { status, json } = await say({ content: '在吗？', callback: true });
		expect(status).toBe(200);
		expect(seen).toHaveLength(1);
		const [request] = seen;
		expect(request.method).toBe('POST');
		expect([...request.query.keys()].sort()).toEqual(['msg_signature', 'nonce', 'timestamp']);
		expect(request.query.get('timestamp')).toBe(String(ctx.sb.clock.now()));
		const encrypt = /^<xml><ToUserName><!\[CDATA\[(.+?)\]\]><\/ToUserName><Encrypt><!\[CDATA\[(.+?)\]\]><\/Encrypt><AgentID><!\[CDATA\[\]\]><\/AgentID><\/xml>$/.exec(request.body);
		expect(encrypt?.[1]).toBe(SANDBOX_WECOM.corpId);
		const ciphertext = encrypt?.[2] ?? '';
		expect(request.query.get('msg_signature')).toBe(sha1([SANDBOX_WECOM.callbackToken, request.query.get('timestamp')!, request.query.get('nonce')!, ciphertext]));
		const opened = decrypt(ciphertext);
		expect(opened.receiveId).toBe(SANDBOX_WECOM.corpId);
		expect(opened.padding).toBeGreaterThanOrEqual(1);
		expect(opened.padding).toBeLessThanOrEqual(32);
		const token = json.callback.token as string;
		expect(opened.message).toBe(
			`<xml><ToUserName><![CDATA[${SANDBOX_WECOM.corpId}]]></ToUserName><CreateTime>${ctx.sb.clock.now()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[${token}]]></Token><OpenKfId><![CDATA[${A.afterSales}]]></OpenKfId></xml>`,
		);
		expect(json.callback).toMatchObject({ acknowledged: true, attempts: [{ attempt: 1, status: 200, body: 'success', outcome: 'answered' }] });
		// The Token pulls the account's messages, ending with the one just written.
		const page = await api(ctx.sb, 'kf/sync_msg', { open_kfid: A.afterSales, token });
		expect(page.msg_list[page.msg_list.length - 1]).toMatchObject({ msgid: json.msgid, origin: 3, text: { content: '在吗？' } });
	});

	it('retries the same request 3 times when not answered with HTTP 200, then gives up', async () => {
		behaviours = ['status500', 'status500', 'status500', 'status500'];
		const { json } = await sandboxPost(ctx.sb, SANDBOX_WECOM_PATHS.callback, { open_kfid: A.afterSales, retryIntervalMs: 0 });
		expect(json.acknowledged).toBe(false);
		expect(json.attempts.map((a: Json) => [a.attempt, a.status, a.outcome])).toEqual([
			[1, 500, 'status'],
			[2, 500, 'status'],
			[3, 500, 'status'],
			[4, 500, 'status'],
		]);
		expect(new Set(seen.map((s) => `${s.query.toString()} ${s.body}`)).size).toBe(1);
	});

	it('stops retrying once answered, and counts an answer that comes too late as none', async () => {
		behaviours = ['hang', 'status500', 'success'];
		const { json } = await sandboxPost(ctx.sb, SANDBOX_WECOM_PATHS.callback, { open_kfid: A.afterSales, retryIntervalMs: 0, timeoutMs: 200 });
		expect(json.acknowledged).toBe(true);
		expect(json.attempts.map((a: Json) => a.outcome)).toEqual(['timeout', 'status', 'answered']);
		expect(seen).toHaveLength(3);
	});

	it('verifies the URL with an encrypted echostr the receiver must answer in plain', async () => {
		behaviours = ['echo'];
		const { json } = await sandboxPost(ctx.sb, SANDBOX_WECOM_PATHS.verifyUrl, {});
		expect(json).toEqual({ status: 200, body: json.expected, expected: expect.stringMatching(/^\d+$/), verified: true });
		const q = seen[0].query;
		expect(seen[0].method).toBe('GET');
		expect(q.get('msg_signature')).toBe(sha1([SANDBOX_WECOM.callbackToken, q.get('timestamp')!, q.get('nonce')!, q.get('echostr')!]));
		expect(decrypt(q.get('echostr')!).receiveId).toBe(SANDBOX_WECOM.corpId);
		const wrong = await sandboxPost(ctx.sb, SANDBOX_WECOM_PATHS.verifyUrl, {});
		expect(wrong.json.verified).toBe(false);
	});

	it('lets a customer write without a callback: the message opens the 48-hour window', async () => {
		ctx.sb.clock.advance(48 * 3600);
		const send = () => api(ctx.sb, 'kf/send_msg', { touser: C.chen, open_kfid: A.afterSales, msgtype: 'text', text: { content: '您好' } });
		expect((await send()).errcode).toBe(95002);
		const { json } = await say({ msgtype: 'image' });
		expect(json).toEqual({ msgid: expect.any(String), send_time: ctx.sb.clock.now() });
		expect(seen).toHaveLength(0);
		expect((await send()).errcode).toBe(0);
	});

	it('lets a customer enter a session and gives the welcome code', async () => {
		const { json } = await say({ external_userid: C.li, enter_session: { scene: 'menu', scene_param: 'a=1' } });
		expect(json).toEqual({ msgid: expect.any(String), send_time: ctx.sb.clock.now(), welcome_code: expect.any(String) });
		const res = await api(ctx.sb, 'kf/send_msg_on_event', { code: json.welcome_code, msgtype: 'text', text: { content: '欢迎' } });
		expect(res.errcode).toBe(0);
	});

	it('answers 400 to a sandbox request without the fields it needs', async () => {
		expect(await sandboxPost(ctx.sb, SANDBOX_WECOM_PATHS.customerMessage, { open_kfid: A.afterSales })).toEqual({ status: 400, json: { error: 'external_userid is required' } });
		expect(await sandboxPost(ctx.sb, SANDBOX_WECOM_PATHS.callbackConfig, {})).toEqual({ status: 400, json: { error: 'url is required' } });
		expect(await say({ msgtype: 'sticker' })).toEqual({ status: 400, json: { error: 'msgtype must be one of text, image, voice, video, file, location, link' } });
		expect(await say({ open_kfid: 'wkNobody' })).toEqual({ status: 400, json: { error: 'unknown open_kfid wkNobody' } });
	});
});
