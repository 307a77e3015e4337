"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESOURCES = void 0;
exports.findOperation = findOperation;
exports.nodeProperties = nodeProperties;
const account_1 = require("./account");
const agent_1 = require("./agent");
const avatar_1 = require("./avatar");
const media_1 = require("./media");
const message_1 = require("./message");
const record_1 = require("./record");
const session_1 = require("./session");
exports.RESOURCES = [account_1.accountResource, avatar_1.avatarResource, agent_1.agentResource, record_1.recordResource, session_1.sessionResource, message_1.messageResource, media_1.mediaResource];
function findOperation(resource, operation) {
    return exports.RESOURCES.find((r) => r.option.value === resource)?.operations.find((o) => o.option.value === operation);
}
function withDisplay(property, resource, operation) {
    const show = property.displayOptions?.show ?? {};
    return {
        ...property,
        displayOptions: {
            ...property.displayOptions,
            show: { resource: [resource], operation: [operation], ...show },
        },
    };
}
function nodeProperties() {
    const properties = [
        {
            displayName: 'Resource',
            name: 'resource',
            type: 'options',
            noDataExpression: true,
            options: exports.RESOURCES.map((r) => r.option),
            default: 'agent',
        },
    ];
    for (const resource of exports.RESOURCES) {
        const value = String(resource.option.value);
        const defaultOperation = resource.defaultOperation ?? String(resource.operations[0].option.value);
        properties.push({
            displayName: 'Operation',
            name: 'operation',
            type: 'options',
            noDataExpression: true,
            displayOptions: { show: { resource: [value] } },
            options: resource.operations.map((o) => o.option),
            default: defaultOperation,
        });
    }
    for (const resource of exports.RESOURCES) {
        for (const operation of resource.operations) {
            for (const property of operation.properties) {
                properties.push(withDisplay(property, String(resource.option.value), String(operation.option.value)));
            }
        }
    }
    return properties;
}
