import type { IHttpRequestOptions } from 'n8n-workflow';

import { WeChatOfficialAccountApi } from '../../credentials/WeChatOfficialAccountApi.credentials';
import { targetUnderApiBase as anyTarget } from '../../nodes/shared/apiTarget';
const targetUnderApiBase = (target: string, base: string) => anyTarget(target, base, { service: 'WeChat', origins: new Set(['https://api.weixin.qq.com', 'https://api2.weixin.qq.com', 'https://sh.api.weixin.qq.com', 'https://sz.api.weixin.qq.com', 'https://hk.api.weixin.qq.com']) });
import { CREDENTIAL_TYPE, sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow } from '../helpers/workflow';

const ctx = useSandbox('demo');
const credentialType = new WeChatOfficialAccountApi();

/** What n8n's CredentialsHelper does for a function-form `authenticate`. */
async function authenticate(request: IHttpRequestOptions, overrides = {}): Promise<IHttpRequestOptions> {
	const authenticateFn = credentialType.authenticate as (
		c: object,
		r: IHttpRequestOptions,
	) => Promise<IHttpRequestOptions>;
	return await authenticateFn(sandboxCredential(ctx.sb, overrides)[CREDENTIAL_TYPE], request);
}

function sentUrl(request: IHttpRequestOptions): string {
	const url = new URL(request.url);
	for (const [k, v] of Object.entries(request.qs ?? {})) url.searchParams.set(k, String(v));
	return url.toString();
}

describe('HTTP Request node with the WeChat credential (authenticate)', () => {
	it('sends a https://api.weixin.qq.com call to the credential’s host with the cached access_token, leaving the caller’s options untouched', async () => {
		const request: IHttpRequestOptions = {
			method: 'GET',
			url: 'https://api.weixin.qq.com/cgi-bin/customservice/getkflist',
			qs: { lang: 'zh_CN' },
		};
		const before = JSON.stringify(request);
		const signed = await authenticate(request);
		expect(JSON.stringify(request)).toBe(before);
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
		const token = String(signed.qs?.access_token);
		expect(token.length).toBeGreaterThan(10);
		expect(signed.url).toBe(`${ctx.sb.url}/cgi-bin/customservice/getkflist`);
		expect(signed.qs).toEqual({ lang: 'zh_CN', access_token: token });

		const res = await fetch(sentUrl(signed));
		const body = (await res.json()) as { kf_list: Array<{ kf_account: string }> };
		expect(body.kf_list.map((a) => a.kf_account)).toContain('alice@sandbox_oa');
		expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')[0].query.access_token).toBe(token);
	});

	it('shares one token fetch with simultaneous requests and with the node itself', async () => {
		const signed = await Promise.all(
			Array.from({ length: 10 }, async () => await authenticate({ url: `${ctx.sb.url}/cgi-bin/customservice/getonlinekflist` })),
		);
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
		expect(new Set(signed.map((s) => s.qs?.access_token)).size).toBe(1);
		const result = await runWorkflow(loadWorkflow('agent-get-many.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
		expect(ctx.sb.requestsTo('/cgi-bin/customservice/getkflist')[0].query.access_token).toBe(signed[0].qs?.access_token);
	});

	it('refreshes the token early, as the node does (a 7200 s token is used for 6600 s)', async () => {
		const first = await authenticate({ url: `${ctx.sb.url}/cgi-bin/customservice/getkflist` });
		ctx.sb.clock.advance(6599);
		expect((await authenticate({ url: `${ctx.sb.url}/cgi-bin/customservice/getkflist` })).qs?.access_token).toBe(
			first.qs?.access_token,
		);
		ctx.sb.clock.advance(1);
		// stable_token hands out the same token while it lives; what matters is that it was asked again.
		await authenticate({ url: `${ctx.sb.url}/cgi-bin/customservice/getkflist` });
		expect(ctx.sb.tokenRequests()).toHaveLength(2);
	});

	it('never sends the token to another host, and asks for none', async () => {
		await expect(authenticate({ url: 'https://example.com/cgi-bin/customservice/getkflist' })).rejects.toThrow(
			`The WeChat credential adds its access_token only to WeChat API requests (https://api.weixin.qq.com/… or ${ctx.sb.url}/…), not to https://example.com/cgi-bin/customservice/getkflist`,
		);
		await expect(authenticate({ url: 'https://api.weixin.qq.com.evil.example/cgi-bin/token' })).rejects.toThrow(
			'not to https://api.weixin.qq.com.evil.example/cgi-bin/token',
		);
		expect(ctx.sb.tokenRequests()).toHaveLength(0);
	});

	it('reports a token WeChat refuses to hand out in WeChat’s words, without the AppSecret', async () => {
		const error = await authenticate({ url: `${ctx.sb.url}/cgi-bin/customservice/getkflist` }, { appSecret: 'wrong_secret' }).catch(
			(e: Error) => e,
		);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain('40125');
		expect((error as Error).message).not.toContain('wrong_secret');
	});
});

describe('targetUnderApiBase', () => {
	it('keeps a URL under the base, maps WeChat hosts onto it, keeps the query', () => {
		const base = 'https://proxy.example.com/wechat';
		expect(targetUnderApiBase('https://api.weixin.qq.com/cgi-bin/user/info?openid=o1&lang=zh_CN', base)).toBe(
			'https://proxy.example.com/wechat/cgi-bin/user/info?openid=o1&lang=zh_CN',
		);
		expect(targetUnderApiBase('https://sh.api.weixin.qq.com/cgi-bin/menu/get', base)).toBe(
			'https://proxy.example.com/wechat/cgi-bin/menu/get',
		);
		expect(targetUnderApiBase('https://proxy.example.com/wechat/cgi-bin/menu/get', base)).toBe(
			'https://proxy.example.com/wechat/cgi-bin/menu/get',
		);
		expect(() => targetUnderApiBase('https://proxy.example.com/other/cgi-bin/menu/get', base)).toThrow(
			'not to https://proxy.example.com/other/cgi-bin/menu/get',
		);
		expect(() => targetUnderApiBase('http://api.weixin.qq.com/cgi-bin/menu/get', base)).toThrow('not to http://api.weixin.qq.com');
	});
});
