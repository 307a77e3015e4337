import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import type { WeChatCredentialData } from '../nodes/WeChatCustomerService/client/credentialSettings';
import { WECHAT_API_HOSTS, withAccessToken } from '../nodes/WeChatCustomerService/client/requestToken';

/**
 * The token server: where the node gets its access_token and which WeChat host it calls.
 * Tested by the WeChat Customer Service node (`weChatOfficialAccountApiTest`), which checks
 * the AppID and secret without invalidating a token that someone else is using.
 */
export class WeChatOfficialAccountApi implements ICredentialType {
	name = 'weChatOfficialAccountApi';

	displayName = 'WeChat Official Account API';

	icon: Icon = { light: 'file:../icons/wechat.svg', dark: 'file:../icons/wechat.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wechat-customer-service/n8n-nodes-wechat-customer-service#credentials';

	/**
	 * For n8n's HTTP Request node ("Predefined Credential Type"): every request gets the
	 * `access_token` query parameter from the token cache the node itself uses, so a custom
	 * WeChat call neither fetches a second token nor (with the classic source) breaks ours.
	 * A function, not a generic rule, because the token is not a stored credential field.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> =>
		await withAccessToken(credentials as WeChatCredentialData, requestOptions);

	properties: INodeProperties[] = [
		{
			displayName: 'Token Source',
			name: 'source',
			type: 'options',
			default: 'stableToken',
			options: [
				{
					name: 'Stable Token (Recommended)',
					value: 'stableToken',
					description:
						'POST /cgi-bin/stable_token without force refresh. Safe when several n8n workers or other systems share the AppID.',
				},
				{
					name: 'Classic Token',
					value: 'classicToken',
					description:
						'GET /cgi-bin/token. Each fetch invalidates the token other systems hold for this AppID after 5 minutes; use only if nothing else uses the AppID.',
				},
				{
					name: 'Central Token Server',
					value: 'tokenServer',
					description: 'Your own central token server (中控服务器) hands out the access_token',
				},
				{
					name: 'Fixed Access Token',
					value: 'accessToken',
					description: 'A token pasted here, for testing. It is never refreshed.',
				},
			],
		},
		{
			displayName: 'AppID',
			name: 'appId',
			type: 'string',
			default: '',
			placeholder: 'wx1234567890abcdef',
			description:
				'The Official Account’s developer ID: Official Account platform (mp.weixin.qq.com) → Settings and Development (设置与开发) → Basic Configuration (基本配置), “Developer ID (AppID)”',
			displayOptions: { show: { source: ['stableToken', 'classicToken'] } },
		},
		{
			displayName: 'AppSecret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Same page as the AppID: “Developer Password (AppSecret)” (开发者密码). WeChat shows it only when it is generated or reset; the IP whitelist is set on that page too.',
			displayOptions: { show: { source: ['stableToken', 'classicToken'] } },
		},
		{
			displayName: 'Token Server URL',
			name: 'tokenServerUrl',
			type: 'string',
			default: '',
			placeholder: 'https://token.example.com/wechat/access-token',
			description:
				'GET returns {"access_token": "...", "expires_in": 7200}. After WeChat rejects a token the node calls it again with ?refresh=1&stale_token=<token>.',
			displayOptions: { show: { source: ['tokenServer'] } },
		},
		{
			displayName: 'Token Server Header Name',
			name: 'serverHeaderName',
			type: 'string',
			default: '',
			placeholder: 'Authorization',
			description: 'Optional header sent to the token server',
			displayOptions: { show: { source: ['tokenServer'] } },
		},
		{
			displayName: 'Token Server Header Value',
			name: 'tokenServerHeaderValue',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { source: ['tokenServer'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { source: ['accessToken'] } },
		},
		{
			displayName: 'API Host',
			name: 'apiHost',
			type: 'options',
			default: 'https://api.weixin.qq.com',
			options: [
				...WECHAT_API_HOSTS.map((h) => ({ name: `${h.host} (${h.label})`, value: `https://${h.host}` })),
				{ name: 'Custom Base URL', value: 'custom' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://wechat-proxy.example.com',
			description: 'A reverse proxy or a sandbox that serves WeChat’s paths (/cgi-bin/..., /customservice/...)',
			displayOptions: { show: { apiHost: ['custom'] } },
		},
		{
			displayName: 'Proxy URL',
			name: 'proxyUrl',
			type: 'string',
			default: '',
			placeholder: 'http://user:pass@proxy.example.com:3128',
			description: 'Optional HTTP(S) proxy, e.g. one whose IP is in the Official Account’s IP whitelist',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: 30,
			typeOptions: { minValue: 1, maxValue: 600 },
		},
	];
}
