import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

// A secret, masked. n8n's scanner guesses secrets from field names (token, secret, password…) and
// warns when a field it does not recognise is masked; an EncodingAESKey is a secret all the same.
const MASKED = { password: true };

/**
 * The server configuration WeChat pushes with (Settings and Development → Basic Configuration).
 * Separate from the API credential: whoever runs the webhook needs no AppSecret. Tested by
 * the WeChat Customer Service Trigger (`weChatOfficialAccountPushApiTest`), which checks the
 * fields' shape and sends nothing.
 */
export class WeChatOfficialAccountPushApi implements ICredentialType {
	name = 'weChatOfficialAccountPushApi';

	displayName = 'WeChat Official Account Push API';

	icon: Icon = { light: 'file:../icons/wechat.svg', dark: 'file:../icons/wechat.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wechat-customer-service/n8n-nodes-wechat-customer-service#wechat-customer-service-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Token of the server configuration (3–32 letters and digits)',
		},
		{
			displayName: 'EncodingAESKey',
			name: 'encodingAESKey',
			type: 'string',
			typeOptions: MASKED,
			default: '',
			description:
				'The 43-character message encryption key, for compatible and safe mode. Empty: plain mode only. With a key, pushes that are not encrypted are refused, so switch through compatible mode to lose no push: to turn encryption on, set the console to compatible mode first, then enter the key here; to turn it off, set the console to compatible mode, empty the key here, then choose plain mode.',
		},
		{
			displayName: 'Previous EncodingAESKey',
			name: 'previousEncodingAESKey',
			type: 'string',
			typeOptions: MASKED,
			default: '',
			description:
				'Only while rotating the key: put the old key here and the new one above, then change the key in the console. Pushes still encrypted with the old key are accepted and answered with it (their items say encryptionKey "previous"); empty this field once no item says "previous".',
		},
		{
			displayName: 'AppID',
			name: 'appId',
			type: 'string',
			default: '',
			placeholder: 'wx1234567890abcdef',
			description:
				'Required with an EncodingAESKey: every decrypted message must carry this AppID, else it is refused',
		},
	];
}
