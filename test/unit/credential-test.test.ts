import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunctions, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { weChatOfficialAccountApiTest } from '../../nodes/WeChatCustomerService/methods/credentialTest';
import { WeChatOfficialAccountApi } from '../../credentials/WeChatOfficialAccountApi.credentials';
import { sandboxCredential, useSandbox, CREDENTIAL_TYPE } from '../helpers/sandbox';

const ctx = useSandbox('demo');

async function testCredential(overrides: Record<string, unknown> = {}) {
	const data = sandboxCredential(ctx.sb, overrides as never)[CREDENTIAL_TYPE];
	// What n8n hands a credential test: its legacy request helper, nothing else to send with.
	const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData) as ICredentialTestFunctions;
	return await weChatOfficialAccountApiTest.call(context, {
		id: '1',
		name: 'WeChat',
		type: CREDENTIAL_TYPE,
		data,
	});
}

describe('credential test', () => {
	it('accepts a good AppID/AppSecret through stable_token without force refresh', async () => {
		expect(await testCredential()).toEqual({
			status: 'OK',
			message: 'WeChat accepted the AppID and AppSecret (checked without invalidating any token)',
		});
		expect(ctx.sb.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /cgi-bin/stable_token']);
		expect((ctx.sb.requests[0].json as { force_refresh: boolean }).force_refresh).toBe(false);
	});

	it('checks the classic source without calling /cgi-bin/token, which would invalidate other holders', async () => {
		const result = await testCredential({ source: 'classicToken' });
		expect(result.status).toBe('OK');
		expect(ctx.sb.requestsTo('/cgi-bin/token')).toHaveLength(0);
		expect(ctx.sb.requestsTo('/cgi-bin/stable_token')).toHaveLength(1);
	});

	it.each([
		['an invalid AppID', { appId: 'wx_nope' }, /^WeChat does not know this AppID\. WeChat: invalid appid \(errcode 40013\)\. Copy the AppID again.* rid: \S+$/],
		['a wrong AppSecret', { appSecret: 'not-the-secret' }, /^The AppSecret is wrong\. WeChat: invalid appsecret \(errcode 40125\)\. Copy it again.* rid: \S+$/],
	])('reports %s in WeChat’s words with a hint', async (_what, overrides, message) => {
		const result = await testCredential(overrides);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expect(result.message).not.toContain('not-the-secret');
	});

	it('reports an IP outside the whitelist with the IP WeChat saw', async () => {
		ctx.sb.state.apps.get('wx_sandbox_app')!.ipNotWhitelisted = '203.0.113.7';
		const result = await testCredential();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^This server’s IP address is not in the Official Account’s IP whitelist\. WeChat: invalid ip 203\.0\.113\.7 ipv6 ::ffff:203\.0\.113\.7, not in whitelist \(errcode 40164\)\. Add the IP shown.* rid: \S+$/,
		);
	});

	it('reports a frozen AppSecret', async () => {
		ctx.sb.state.apps.get('wx_sandbox_app')!.secretFrozen = true;
		expect((await testCredential()).message).toMatch(/^The AppSecret is frozen\. WeChat: .* \(errcode 40243\)\. Unfreeze or reset it/);
	});

	it('checks a fixed access token with one read-only kf call', async () => {
		const bad = await testCredential({ source: 'accessToken', accessToken: 'expired-token-123' });
		expect(bad).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^WeChat did not accept the access_token\. WeChat: invalid credential, access_token is invalid or not latest \(errcode 40001\)\. The credential uses a fixed access token, which cannot be refreshed\..* rid: \S+$/),
		});
		expect(bad.message).not.toContain('expired-token-123');
		const token = await (await fetch(`${ctx.sb.url}/cgi-bin/stable_token`, {
			method: 'POST',
			body: JSON.stringify({ grant_type: 'client_credential', appid: 'wx_sandbox_app', secret: 'sandbox_secret' }),
		}).then((r) => r.json()) as { access_token: string }).access_token;
		expect(await testCredential({ source: 'accessToken', accessToken: token })).toEqual({
			status: 'OK',
			message: 'WeChat accepted the access token',
		});
	});

	it.each([
		[0, '0'],
		[301, '301'],
		['soon', '"soon"'],
	])('refuses a Timeout of %p seconds (1–300) instead of falling back to 30, before sending anything', async (timeoutSeconds, shown) => {
		expect(await testCredential({ timeoutSeconds })).toEqual({
			status: 'Error',
			message: `The credential's Timeout must be a number of seconds from 1 to 300, got ${shown}`,
		});
		expect(ctx.sb.requests).toHaveLength(0);
	});

	it('names the token server and what to check when it is down', async () => {
		const result = await testCredential({ source: 'tokenServer', tokenServerUrl: 'http://127.0.0.1:9/token', tokenServerHeaderValue: 'header-secret-77' });
		expect(result).toEqual({
			status: 'Error',
			message:
				"Could not connect to the token server at 127.0.0.1:9: the connection was refused. Nothing was sent. Check that the token server is running and reachable from n8n, and the credential's Token Server URL. (ECONNREFUSED)",
		});
	});

	it('says what is missing before sending anything', async () => {
		expect(await testCredential({ appId: '' })).toEqual({ status: 'Error', message: "The credential's AppID is empty" });
		expect(ctx.sb.requests).toHaveLength(0);
	});
});

describe('credential type', () => {
	it('has the property names workflows store', () => {
		const cred = new WeChatOfficialAccountApi();
		expect(cred.name).toBe('weChatOfficialAccountApi');
		expect(cred.properties.map((p) => p.name)).toEqual([
			'source',
			'appId',
			'appSecret',
			'tokenServerUrl',
			'serverHeaderName',
			'tokenServerHeaderValue',
			'accessToken',
			'apiHost',
			'baseUrl',
			'proxyUrl',
			'timeoutSeconds',
		]);
		const byName = Object.fromEntries(cred.properties.map((p) => [p.name, p]));
		expect(byName.source.default).toBe('stableToken');
		expect(byName.apiHost.options?.map((o) => (o as { value: string }).value)).toEqual([
			'https://api.weixin.qq.com',
			'https://api2.weixin.qq.com',
			'https://sh.api.weixin.qq.com',
			'https://sz.api.weixin.qq.com',
			'https://hk.api.weixin.qq.com',
			'custom',
		]);
		for (const secret of ['appSecret', 'tokenServerHeaderValue', 'accessToken']) {
			expect(byName[secret].typeOptions?.password).toBe(true);
		}
		expect(byName.timeoutSeconds.default).toBe(30);
	});
});
