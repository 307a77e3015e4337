"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WeChatCustomerServiceTrigger = void 0;
const n8n_workflow_1 = require("n8n-workflow");
const pushCredentialTest_1 = require("./methods/pushCredentialTest");
const description_1 = require("./trigger/description");
const webhook_1 = require("./trigger/webhook");
class WeChatCustomerServiceTrigger {
    description = {
        displayName: 'WeChat Customer Service Trigger',
        name: 'weChatCustomerServiceTrigger',
        icon: { light: 'file:../../icons/wechat.svg', dark: 'file:../../icons/wechat.dark.svg' },
        group: ['trigger'],
        version: 1,
        subtitle: '={{$parameter["events"].join(", ")}}',
        description: 'Starts the workflow on customer messages and customer-service session events pushed by a WeChat Official Account',
        defaults: { name: 'WeChat Customer Service Trigger' },
        inputs: [],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        credentials: [{ name: 'weChatOfficialAccountPushApi', required: true, testedBy: 'weChatOfficialAccountPushApiTest' }],
        webhooks: [
            { name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
            { name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
        ],
        properties: description_1.triggerProperties,
    };
    methods = {
        credentialTest: { weChatOfficialAccountPushApiTest: pushCredentialTest_1.weChatOfficialAccountPushApiTest },
    };
    async webhook() {
        return await webhook_1.handleWebhook.call(this);
    }
}
exports.WeChatCustomerServiceTrigger = WeChatCustomerServiceTrigger;
