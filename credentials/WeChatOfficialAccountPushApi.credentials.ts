import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

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
			// "secret" in the name is what n8n's rules read as a secret; the console's term stays in the display name.
			displayName: 'EncodingAESKey',
			name: 'encodingAESSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The 43-character message encryption key, for compatible and safe mode. Empty: plain mode only.',
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
