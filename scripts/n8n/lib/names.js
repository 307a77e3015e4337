// @ts-check
'use strict';
/** The package's node and credential type names, and the demo credentials the examples and e2e workflows reference. */

const NODE_TYPE = 'n8n-nodes-wechat-customer-service.weChatCustomerService';
const TRIGGER_TYPE = `${NODE_TYPE}Trigger`;
const CREDENTIAL_TYPE = 'weChatOfficialAccountApi';
const PUSH_CREDENTIAL_TYPE = 'weChatOfficialAccountPushApi';
/** The credential every example and e2e workflow references. */
const CREDENTIAL = { id: 'sandboxCred0001', name: 'WeChat sandbox' };
/** The push credential the trigger examples reference (the sandbox pushes with it). */
const PUSH_CREDENTIAL = { id: 'sandboxPush0001', name: 'WeChat sandbox push', type: PUSH_CREDENTIAL_TYPE };

const WECOM_NODE_TYPE = 'n8n-nodes-wechat-customer-service.weComCustomerService';
const WECOM_TRIGGER_TYPE = `${WECOM_NODE_TYPE}Trigger`;
/** The WeCom credential every WeCom example and e2e workflow references (the sandbox's demo corp). */
const WECOM_CREDENTIAL = { id: 'wecomSandbox001', name: 'WeCom sandbox', type: 'weComCustomerServiceApi' };
/** The demo corp's callback configuration (Token, EncodingAESKey, CorpID), for the WeCom trigger. */
const WECOM_CALLBACK_CREDENTIAL = { id: 'wecomCallback01', name: 'WeCom sandbox callback', type: 'weComCustomerServiceCallbackApi' };

module.exports = {
	NODE_TYPE,
	TRIGGER_TYPE,
	CREDENTIAL_TYPE,
	PUSH_CREDENTIAL_TYPE,
	CREDENTIAL,
	PUSH_CREDENTIAL,
	WECOM_NODE_TYPE,
	WECOM_TRIGGER_TYPE,
	WECOM_CREDENTIAL,
	WECOM_CALLBACK_CREDENTIAL,
};
