"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WeChatCustomerService = void 0;
const n8n_workflow_1 = require("n8n-workflow");
const router_1 = require("./router");
const credentialTest_1 = require("./methods/credentialTest");
const listSearch_1 = require("./methods/listSearch");
const resources_1 = require("./resources");
const subtitle_1 = require("./subtitle");
class WeChatCustomerService {
    description = {
        displayName: 'WeChat Customer Service',
        name: 'weChatCustomerService',
        icon: { light: 'file:../../icons/wechat.svg', dark: 'file:../../icons/wechat.dark.svg' },
        group: ['transform'],
        version: 1,
        subtitle: (0, subtitle_1.subtitleExpression)(resources_1.RESOURCES),
        description: 'Run a WeChat Official Account’s customer service: agents, accounts, avatars, chat records, sessions and messages',
        defaults: { name: 'WeChat Customer Service' },
        usableAsTool: true,
        inputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        credentials: [
            { name: 'weChatOfficialAccountApi', required: true, testedBy: 'weChatOfficialAccountApiTest' },
        ],
        properties: (0, resources_1.nodeProperties)(),
    };
    methods = {
        credentialTest: { weChatOfficialAccountApiTest: credentialTest_1.weChatOfficialAccountApiTest },
        listSearch: { searchAccounts: listSearch_1.searchAccounts, searchAgents: listSearch_1.searchAgents },
    };
    async execute() {
        return await router_1.route.call(this);
    }
}
exports.WeChatCustomerService = WeChatCustomerService;
