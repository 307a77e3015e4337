import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { PushDeduplicator } from '../../nodes/WeChatCustomerService/push/dedup';
import { receivePush, type TriggerOptions } from '../../nodes/WeChatCustomerService/push/receive';
import { SignedUrlMemory } from '../../nodes/WeChatCustomerService/push/replay';
import { pushSettingsOf } from '../../nodes/WeChatCustomerService/push/settings';
import { sandboxPushCredentialData } from '../../sandbox/demoCredential';
import { pushFromSandbox } from '../../sandbox/routes/push';
import { withParams } from '../helpers/patch';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow } from '../helpers/workflow';
import { ZHOU } from '../helpers/demo';

const ctx = useSandbox('demo');
// ZHOU wrote 3 days ago: outside the 48 hours

const OPTIONS: TriggerOptions = {
	events: ['*'],
	reply: 'transferOnKeywords',
	transferKeywords: ['人工'],
	transferKfAccount: 'alice@sandbox_oa',
	maxAgeSeconds: 300,
	deduplicate: true,
	includeRawXml: false,
	timeZone: 'Asia/Shanghai',
	scope: 'sandbox-push-test',
};

/** A receiver built from the trigger's own push code, over HTTP, so the sandbox's pushes meet it for real. */
let server: Server;
let url = '';
const received: unknown[] = [];
beforeAll(async () => {
	const settings = pushSettingsOf(sandboxPushCredentialData());
	const dedup = new PushDeduplicator();
	const signedUrls = new SignedUrlMemory();
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const u = new URL(req.url ?? '/', 'http://x');
			const answer = receivePush(
				settings,
				{ method: req.method ?? 'GET', query: Object.fromEntries(u.searchParams), rawBody: Buffer.concat(chunks) },
				OPTIONS,
				{ dedup, signedUrls, now: Date.now },
			);
			if (answer.item) received.push(answer.item);
			res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
});
afterAll(async () => new Promise<void>((r) => server.close(() => r())));

describe('sandbox push', () => {
	it('a pushed customer message opens that customer’s 48-hour window, so Message → Send succeeds', async () => {
		const send = withParams(loadWorkflow('message-send.workflow.json'), 'Send Message', { openid: ZHOU });
		const before = await runWorkflow(send, sandboxCredential(ctx.sb));
		expect(before.error?.message).toMatch(/45015/);
		const pushedAt = ctx.sb.clock.now();
		const reply = await pushFromSandbox(ctx.sb, { url, type: 'text', content: '你好', from: ZHOU, mode: 'safe' });
		expect([reply.status, reply.body, reply.problems]).toEqual([200, 'success', []]);
		// The window opens as the push is sent (a second may pass before its answer).
		expect(ctx.sb.state.conversations.customers.get(ZHOU)?.lastMessageAt).toBeGreaterThanOrEqual(pushedAt);
		expect(ctx.sb.state.conversations.customers.get(ZHOU)?.lastMessageAt).toBeLessThanOrEqual(ctx.sb.clock.now());
		const after = await runWorkflow(send, sandboxCredential(ctx.sb));
		expect(after.error).toBeUndefined();
		expect(ctx.sb.state.conversations.sent.at(-1)).toMatchObject({ touser: ZHOU, msgtype: 'text' });
	});

	it('every mode and type the trigger accepts; a transfer reply is read and verified like WeChat would', async () => {
		// The receiver's credential has an EncodingAESKey: a plain push is not the key holder's.
		const plain = await pushFromSandbox(ctx.sb, { url, type: 'text', content: '转人工', from: 'oPushT', mode: 'plain' });
		expect([plain.status, plain.body]).toEqual([
			401,
			'The credential has an EncodingAESKey, so a push without encrypt_type=aes and msg_signature is refused',
		]);
		for (const mode of ['compatible', 'safe'] as const) {
			const r = await pushFromSandbox(ctx.sb, { url, type: 'text', content: '转人工', from: 'oPushT', mode });
			expect([r.status, r.kind, r.encrypted, r.problems, r.fields.KfAccount]).toEqual([
				200,
				'transfer_customer_service',
				true,
				[],
				'alice@sandbox_oa',
			]);
		}
		received.length = 0;
		for (const type of ['image', 'voice', 'video', 'shortvideo', 'location', 'link', 'subscribe', 'unsubscribe', 'kf_create_session', 'kf_close_session', 'kf_switch_session'] as const) {
			const r = await pushFromSandbox(ctx.sb, { url, type, kfAccount: 'alice@sandbox_oa', mode: 'safe' });
			expect([type, r.status, r.body]).toEqual([type, 200, 'success']);
		}
		expect(received.map((i) => (i as { Event?: string; MsgType: string }).Event ?? (i as { MsgType: string }).MsgType)).toEqual([
			'image', 'voice', 'video', 'shortvideo', 'location', 'link', 'subscribe', 'unsubscribe', 'kf_create_session', 'kf_close_session', 'kf_switch_session',
		]);
	});

	it('an event does not open a window; a refused push does not either', async () => {
		const LUCY = 'oDemo_Lucy_Hs6dF2jN0cXa9';
		const was = ctx.sb.state.conversations.customers.get(LUCY)?.lastMessageAt;
		await pushFromSandbox(ctx.sb, { url, type: 'kf_close_session', from: LUCY, kfAccount: 'carol@sandbox_oa' });
		const forged = await pushFromSandbox(ctx.sb, { url, type: 'text', from: LUCY, target: { token: 'WrongToken1' } });
		expect(forged.status).toBe(401);
		expect(ctx.sb.state.conversations.customers.get(LUCY)?.lastMessageAt).toBe(was);
	});
});
