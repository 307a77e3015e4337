"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CREDENTIAL_TYPE = void 0;
exports.route = route;
const n8n_workflow_1 = require("n8n-workflow");
const settings_1 = require("./client/settings");
const concurrency_1 = require("./execution/concurrency");
const errors_1 = require("./execution/errors");
const runner_1 = require("./execution/runner");
const resources_1 = require("./resources");
exports.CREDENTIAL_TYPE = 'weChatOfficialAccountApi';
let nodePropertiesOnce;
async function route() {
    const items = this.getInputData();
    const resource = this.getNodeParameter('resource', 0);
    const operationName = this.getNodeParameter('operation', 0);
    const operation = (0, resources_1.findOperation)(resource, operationName);
    if (!operation) {
        throw new n8n_workflow_1.NodeOperationError(this.getNode(), `The operation "${operationName}" of resource "${resource}" is not supported`);
    }
    const properties = (nodePropertiesOnce ??= (0, resources_1.nodeProperties)());
    const credentials = (await this.getCredentials(exports.CREDENTIAL_TYPE));
    let client;
    let concurrency;
    try {
        concurrency = (0, concurrency_1.readConcurrency)(this);
        client = (0, settings_1.createKfClient)(credentials, { signal: this.getExecutionCancelSignal() });
    }
    catch (error) {
        throw (0, errors_1.toNodeError)(this.getNode(), error, 0, { properties });
    }
    const continueOnFail = this.continueOnFail();
    const perItem = await (0, runner_1.mapWithConcurrency)(items.length, concurrency, async (itemIndex) => {
        try {
            return (0, runner_1.toItems)(await operation.execute.call(this, { itemIndex, client }), itemIndex);
        }
        catch (error) {
            const nodeError = (0, errors_1.toNodeError)(this.getNode(), error, itemIndex, { secrets: client.secrets, properties });
            if (!continueOnFail)
                throw nodeError;
            return [{ json: (0, errors_1.errorItemJson)(nodeError), pairedItem: { item: itemIndex } }];
        }
    });
    return [perItem.length === 1 ? perItem[0] : perItem.flat()];
}
