// The credential type names, for code: workflow JSON stores them. Node descriptions and credential
// classes keep them as literals, because n8n's lint rules (credential-test-required) read those literally.
export const OFFICIAL_ACCOUNT_API = 'weChatOfficialAccountApi';
export const OFFICIAL_ACCOUNT_PUSH_API = 'weChatOfficialAccountPushApi';
export const WECOM_API = 'weComCustomerServiceApi';
export const WECOM_CALLBACK_API = 'weComCustomerServiceCallbackApi';
