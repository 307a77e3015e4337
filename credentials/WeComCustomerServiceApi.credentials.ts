import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import type { WeComCredentialData } from '../nodes/WeComCustomerService/client/credentials';
import { withWeComAccessToken } from '../nodes/WeComCustomerService/client/requestToken';

/**
 * The CorpID and the Secret of the app that 微信客服 lets call its API. Tested by the WeCom
 * Customer Service node (`weComCustomerServiceApiTest`): a token, then one account listed.
 */
export class WeComCustomerServiceApi implements ICredentialType {
	name = 'weComCustomerServiceApi';

	displayName = 'WeCom Customer Service API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wechat-customer-service/n8n-nodes-wechat-customer-service#wecom-customer-service-api';

	/**
	 * For n8n's HTTP Request node ("Predefined Credential Type"): every request to the WeCom API
	 * gets `access_token` from the token cache the node itself uses, so no second token is fetched.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> =>
		await withWeComAccessToken(credentials as WeComCredentialData, requestOptions);

	properties: INodeProperties[] = [
		{
			displayName: 'CorpID',
			name: 'corpId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. ww1234567890abcdef',
			description: 'WeCom admin console → My Company → Company Information → CorpID',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The Secret of the self-built app that 微信客服 → API → "Apps that can call the API" names (WeCom admin → Apps → that app → Secret). Since 2023-12-01 a system app’s secret no longer works for new companies.',
		},
		{
			displayName: 'API Host',
			name: 'apiHost',
			type: 'options',
			default: 'https://qyapi.weixin.qq.com',
			options: [
				{ name: 'qyapi.weixin.qq.com', value: 'https://qyapi.weixin.qq.com' },
				{ name: 'Custom Base URL', value: 'custom' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://wecom-proxy.example.com',
			description: 'A reverse proxy or a sandbox that serves WeCom’s paths (/cgi-bin/...)',
			displayOptions: { show: { apiHost: ['custom'] } },
		},
		{
			displayName: 'Proxy URL',
			name: 'proxyUrl',
			type: 'string',
			default: '',
			placeholder: 'http://user:pass@proxy.example.com:3128',
			description: 'Optional HTTP(S) proxy, e.g. one whose IP is in the app’s trusted IPs',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: 30,
			typeOptions: { minValue: 1, maxValue: 300 },
		},
	];
}
