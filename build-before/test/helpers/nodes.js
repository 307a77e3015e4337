"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NODE_TYPE = void 0;
exports.createNodeTypes = createNodeTypes;
const n8n_workflow_1 = require("n8n-workflow");
const WeChatCustomerService_node_1 = require("../../nodes/WeChatCustomerService/WeChatCustomerService.node");
exports.NODE_TYPE = 'n8n-nodes-wechat-customer-service.weChatCustomerService';
class ManualTriggerStub {
    description = {
        displayName: 'Manual Trigger',
        name: 'manualTrigger',
        group: ['trigger'],
        version: 1,
        description: 'test stub',
        defaults: { name: 'Manual Trigger' },
        inputs: [],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        properties: [],
    };
    async execute() {
        return [this.getInputData()];
    }
}
class FixedItemsStub {
    description = {
        displayName: 'Fixed Items',
        name: 'fixedItems',
        group: ['transform'],
        version: 1,
        description: 'test stub',
        defaults: { name: 'Fixed Items' },
        inputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        properties: [
            { displayName: 'Items', name: 'items', type: 'string', default: '[]' },
            { displayName: 'Binary', name: 'binary', type: 'string', default: '[]' },
        ],
    };
    async execute() {
        const items = JSON.parse(this.getNodeParameter('items', 0));
        const binaries = JSON.parse(this.getNodeParameter('binary', 0, '[]'));
        const out = [];
        for (let i = 0; i < items.length; i++) {
            const item = { json: items[i], pairedItem: { item: 0 } };
            const entry = binaries[i];
            for (const b of Array.isArray(entry) ? entry : entry ? [entry] : []) {
                item.binary = {
                    ...item.binary,
                    [b.property]: await this.helpers.prepareBinaryData(Buffer.from(b.base64, 'base64'), b.fileName, b.mimeType),
                };
            }
            out.push(item);
        }
        return [out];
    }
}
class NoOpStub {
    description = {
        displayName: 'No Operation',
        name: 'noOp',
        group: ['organization'],
        version: 1,
        description: 'test stub',
        defaults: { name: 'No Operation' },
        inputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        properties: [],
    };
    async execute() {
        return [this.getInputData()];
    }
}
function createNodeTypes(extra = {}) {
    const types = {
        'n8n-nodes-base.manualTrigger': new ManualTriggerStub(),
        'n8n-nodes-base.noOp': new NoOpStub(),
        'test.fixedItems': new FixedItemsStub(),
        [exports.NODE_TYPE]: new WeChatCustomerService_node_1.WeChatCustomerService(),
        ...extra,
    };
    return {
        getByName: (type) => types[type],
        getByNameAndVersion: (type, version) => n8n_workflow_1.NodeHelpers.getVersionedNodeType(types[type], version),
        getKnownTypes: () => ({}),
    };
}
