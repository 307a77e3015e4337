// Plain HTTP against a started sandbox, as WeCom's clients would call it.
import { SANDBOX_WECOM, startSandbox, type KfSandbox } from '../../../sandbox';
import { seedWeComDemo } from '../../../sandbox/wecom';

/** 2026-12-07 10:00 China time: tests run on a frozen clock, moved only by advance(). */
export const FROZEN_AT = Date.UTC(2026, 11, 7, 2, 0, 0) / 1000;

export function useWeComSandbox(seed: 'demo' | 'empty' = 'demo') {
	const ctx = { sb: undefined as unknown as KfSandbox };
	beforeEach(async () => {
		ctx.sb = await startSandbox({ seed: 'empty' });
		ctx.sb.clock.freezeAt(FROZEN_AT);
		if (seed === 'demo') seedWeComDemo(ctx.sb);
	});
	afterEach(async () => {
		await ctx.sb.stop();
	});
	return ctx;
}

/** A JSON answer, read field by field in assertions (exactness comes from toEqual). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deep field access on WeCom's answers without casts at every step
export type Json = Record<string, any>;

export async function getToken(sb: KfSandbox, corpId: string = SANDBOX_WECOM.corpId, secret: string = SANDBOX_WECOM.secret): Promise<Json> {
	const res = await fetch(`${sb.url}/cgi-bin/gettoken?corpid=${encodeURIComponent(corpId)}&corpsecret=${encodeURIComponent(secret)}`);
	return (await res.json()) as Json;
}

/** POSTs JSON (or GETs when `body` is undefined) to /cgi-bin/<path> with the demo corp's token. */
export async function api(sb: KfSandbox, path: string, body?: unknown, token?: string): Promise<Json> {
	const accessToken = token ?? (await getToken(sb)).access_token;
	const sep = path.includes('?') ? '&' : '?';
	const res = await fetch(`${sb.url}/cgi-bin/${path}${sep}access_token=${accessToken}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
	return (await res.json()) as Json;
}

/** WeCom's errmsg: the text, a hint, the caller's IP and the errcode's page. */
export function weComError(errcode: number, text: string): Json {
	const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return {
		errcode,
		errmsg: expect.stringMatching(new RegExp(`^${escaped}, hint: \\[\\d+\\], from ip: 127\\.0\\.0\\.1, more info at https://open\\.work\\.weixin\\.qq\\.com/devtool/query\\?e=${errcode}$`)),
	};
}

/** A small valid JPEG. */
export const JPEG = Buffer.concat([Buffer.from('FFD8FFE000104A46494600010100000100010000', 'hex'), Buffer.alloc(300, 0x41), Buffer.from('FFD9', 'hex')]);

export async function upload(sb: KfSandbox, type: string, bytes: Buffer, fileName = 'avatar.jpg', token?: string): Promise<Json> {
	const accessToken = token ?? (await getToken(sb)).access_token;
	const form = new FormData();
	form.append('media', new Blob([bytes]), fileName);
	const res = await fetch(`${sb.url}/cgi-bin/media/upload?access_token=${accessToken}&type=${type}`, { method: 'POST', body: form });
	return (await res.json()) as Json;
}

export async function sandboxPost(sb: KfSandbox, path: string, body: unknown): Promise<{ status: number; json: Json }> {
	const res = await fetch(`${sb.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
	return { status: res.status, json: (await res.json()) as Json };
}
