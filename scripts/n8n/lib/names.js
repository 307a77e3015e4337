// @ts-check
'use strict';
/** The package's node and credential type names, and the demo credentials every example and e2e workflow references. */

const NODE_TYPE = 'n8n-nodes-wechat-customer-service.weChatCustomerService';
const TRIGGER_TYPE = `${NODE_TYPE}Trigger`;
const CREDENTIAL_TYPE = 'weChatOfficialAccountApi';
const PUSH_CREDENTIAL_TYPE = 'weChatOfficialAccountPushApi';
/** The credential every example and e2e workflow references. */
const CREDENTIAL = { id: 'sandboxCred0001', name: 'WeChat sandbox' };
/** The push credential the trigger examples reference (the sandbox pushes with it). */
const PUSH_CREDENTIAL = { id: 'sandboxPush0001', name: 'WeChat sandbox push', type: PUSH_CREDENTIAL_TYPE };

module.exports = { NODE_TYPE, TRIGGER_TYPE, CREDENTIAL_TYPE, PUSH_CREDENTIAL_TYPE, CREDENTIAL, PUSH_CREDENTIAL };
