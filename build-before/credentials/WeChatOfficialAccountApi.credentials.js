"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WeChatOfficialAccountApi = void 0;
const requestToken_1 = require("../nodes/WeChatCustomerService/client/requestToken");
class WeChatOfficialAccountApi {
    name = 'weChatOfficialAccountApi';
    displayName = 'WeChat Official Account API';
    icon = { light: 'file:../icons/wechat.svg', dark: 'file:../icons/wechat.dark.svg' };
    documentationUrl = 'https://github.com/n8n-nodes-wechat-customer-service/n8n-nodes-wechat-customer-service#credentials';
    authenticate = async (credentials, requestOptions) => await (0, requestToken_1.withAccessToken)(credentials, requestOptions);
    properties = [
        {
            displayName: 'Token Source',
            name: 'tokenSource',
            type: 'options',
            default: 'stableToken',
            options: [
                {
                    name: 'Stable Token (Recommended)',
                    value: 'stableToken',
                    description: 'POST /cgi-bin/stable_token without force refresh. Safe when several n8n workers or other systems share the AppID.',
                },
                {
                    name: 'Classic Token',
                    value: 'classicToken',
                    description: 'GET /cgi-bin/token. Each fetch invalidates the token other systems hold for this AppID after 5 minutes; use only if nothing else uses the AppID.',
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
            description: 'The Official Account’s developer ID: Official Account platform (mp.weixin.qq.com) → Settings and Development (设置与开发) → Basic Configuration (基本配置), “Developer ID (AppID)”',
            displayOptions: { show: { tokenSource: ['stableToken', 'classicToken'] } },
        },
        {
            displayName: 'AppSecret',
            name: 'appSecret',
            type: 'string',
            typeOptions: { password: true },
            default: '',
            description: 'Same page as the AppID: “Developer Password (AppSecret)” (开发者密码). WeChat shows it only when it is generated or reset; the IP whitelist is set on that page too.',
            displayOptions: { show: { tokenSource: ['stableToken', 'classicToken'] } },
        },
        {
            displayName: 'Token Server URL',
            name: 'tokenServerUrl',
            type: 'string',
            default: '',
            placeholder: 'https://token.example.com/wechat/access-token',
            description: 'GET returns {"access_token": "...", "expires_in": 7200}. After WeChat rejects a token the node calls it again with ?refresh=1&stale_token=<token>.',
            displayOptions: { show: { tokenSource: ['tokenServer'] } },
        },
        {
            displayName: 'Token Server Header Name',
            name: 'tokenServerHeaderName',
            type: 'string',
            default: '',
            placeholder: 'Authorization',
            description: 'Optional header sent to the token server',
            displayOptions: { show: { tokenSource: ['tokenServer'] } },
        },
        {
            displayName: 'Token Server Header Value',
            name: 'tokenServerHeaderValue',
            type: 'string',
            typeOptions: { password: true },
            default: '',
            displayOptions: { show: { tokenSource: ['tokenServer'] } },
        },
        {
            displayName: 'Access Token',
            name: 'accessToken',
            type: 'string',
            typeOptions: { password: true },
            default: '',
            displayOptions: { show: { tokenSource: ['accessToken'] } },
        },
        {
            displayName: 'API Host',
            name: 'apiHost',
            type: 'options',
            default: 'https://api.weixin.qq.com',
            options: [
                ...requestToken_1.WECHAT_API_HOSTS.map((h) => ({ name: `${h.host} (${h.label})`, value: `https://${h.host}` })),
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
exports.WeChatOfficialAccountApi = WeChatOfficialAccountApi;
