"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TRIGGER_TYPE = void 0;
exports.callTrigger = callTrigger;
const n8n_core_1 = require("n8n-core");
const n8n_workflow_1 = require("n8n-workflow");
const WeChatCustomerServiceTrigger_node_1 = require("../../nodes/WeChatCustomerService/WeChatCustomerServiceTrigger.node");
exports.TRIGGER_TYPE = 'n8n-nodes-wechat-customer-service.weChatCustomerServiceTrigger';
const trigger = new WeChatCustomerServiceTrigger_node_1.WeChatCustomerServiceTrigger();
async function callTrigger(parameters, credential, request, options = {}) {
    const description = trigger.description;
    const node = {
        id: options.nodeId ?? 'trigger-node',
        name: 'WeChat Customer Service Trigger',
        type: exports.TRIGGER_TYPE,
        typeVersion: 1,
        position: [0, 0],
        webhookId: 'c0ffee00-0000-4000-8000-000000000001',
        parameters: n8n_workflow_1.NodeHelpers.getNodeParameters(description.properties, parameters, true, false, null, description) ?? {},
        credentials: { weChatOfficialAccountPushApi: { id: '1', name: 'WeChat push' } },
    };
    const workflow = new n8n_workflow_1.Workflow({
        id: options.workflowId ?? 'wf-trigger',
        nodes: [node],
        connections: {},
        active: true,
        nodeTypes: {
            getByName: () => trigger,
            getByNameAndVersion: () => trigger,
            getKnownTypes: () => ({}),
        },
        settings: { executionOrder: 'v1', timezone: options.timezone ?? 'Asia/Shanghai' },
    });
    const rawBody = request.body === undefined ? undefined : Buffer.from(request.body);
    const req = {
        method: request.method,
        query: Object.fromEntries(new URLSearchParams(request.query)),
        headers: { 'content-type': request.contentType ?? 'text/xml' },
        rawBody,
        body: {},
        params: {},
    };
    const response = { headers: {}, ended: false };
    const res = {
        writeHead(status, headers) {
            response.status = status;
            Object.assign(response.headers, headers);
            return res;
        },
        end(body) {
            response.body = body;
            response.ended = true;
            return res;
        },
        get headersSent() {
            return response.ended;
        },
    };
    const additionalData = {
        credentialsHelper: {
            getDecrypted: async () => ({ ...credential }),
            isCredentialUsableByNode: () => true,
            getParentTypes: () => [],
        },
        httpRequest: req,
        httpResponse: res,
        variables: {},
        restApiUrl: 'http://localhost:5678/rest',
        instanceBaseUrl: 'http://localhost:5678/',
        webhookBaseUrl: 'http://localhost:5678/webhook',
        webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
        webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
        formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
    };
    const webhookDescription = (description.webhooks ?? []).find((w) => w.httpMethod === request.method);
    if (!webhookDescription)
        throw new Error(`the trigger has no ${request.method} webhook`);
    const webhookData = {
        httpMethod: request.method,
        node: node.name,
        path: 'webhook',
        webhookDescription,
        workflowId: workflow.id,
        workflowExecuteAdditionalData: additionalData,
        webhookId: node.webhookId,
    };
    const ctx = new n8n_core_1.WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
    const logs = [];
    const log = (message) => logs.push(message);
    Object.defineProperty(ctx, 'logger', { value: { debug: log, info: log, warn: log, error: log } });
    const result = await trigger.webhook.call(ctx);
    return { result, response, logs, item: result.workflowData?.[0]?.[0]?.json };
}
