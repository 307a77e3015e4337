"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WeChatOfficialAccountPushApi = void 0;
class WeChatOfficialAccountPushApi {
    name = 'weChatOfficialAccountPushApi';
    displayName = 'WeChat Official Account Server Push';
    icon = { light: 'file:../icons/wechat.svg', dark: 'file:../icons/wechat.dark.svg' };
    documentationUrl = 'https://github.com/n8n-nodes-wechat-customer-service/n8n-nodes-wechat-customer-service#wechat-customer-service-trigger';
    properties = [
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
            typeOptions: { password: true },
            default: '',
            description: 'The 43-character message encryption key, for compatible and safe mode. Empty: plain mode only.',
        },
        {
            displayName: 'AppID',
            name: 'appId',
            type: 'string',
            default: '',
            placeholder: 'wx1234567890abcdef',
            description: 'Required with an EncodingAESKey: every decrypted message must carry this AppID, else it is refused',
        },
    ];
}
exports.WeChatOfficialAccountPushApi = WeChatOfficialAccountPushApi;
