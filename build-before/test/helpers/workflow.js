"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadWorkflow = loadWorkflow;
exports.runWorkflow = runWorkflow;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const n8n_core_1 = require("n8n-core");
const n8n_workflow_1 = require("n8n-workflow");
const nodes_1 = require("./nodes");
class TestCredentialsHelper extends n8n_workflow_1.ICredentialsHelper {
    store;
    constructor(store) {
        super();
        this.store = store;
    }
    async getDecrypted(_a, _n, type) {
        const data = this.store[type];
        if (!data)
            throw new Error(`no test credential of type ${type}`);
        return { ...data };
    }
    async authenticate(_c, _t, requestOptions) {
        return requestOptions;
    }
    async preAuthentication() {
        return undefined;
    }
    getParentTypes() {
        return [];
    }
    async runPreAuthentication() {
        return undefined;
    }
    async getCredentials() {
        throw new Error('not available in tests');
    }
    async updateCredentials() { }
    async updateCredentialsOauthTokenData() { }
    getCredentialsProperties() {
        return [];
    }
    isCredentialUsableByNode() {
        return true;
    }
}
function loadWorkflow(file) {
    return JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, '..', 'fixtures', file), 'utf8'));
}
async function runWorkflow(wf, credentials, options = {}) {
    const workflow = new n8n_workflow_1.Workflow({
        id: 'test-workflow',
        name: wf.name ?? 'test',
        nodes: wf.nodes,
        connections: wf.connections,
        active: false,
        nodeTypes: options.nodeTypes ?? (0, nodes_1.createNodeTypes)(),
        settings: (wf.settings ?? { executionOrder: 'v1' }),
    });
    const start = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
    if (!start)
        throw new Error('the workflow needs a Manual Trigger');
    const hooks = new n8n_core_1.ExecutionLifecycleHooks('manual', 'test-exec', {
        id: 'test-workflow',
        nodes: [],
        connections: {},
    });
    const done = new Promise((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
    const additionalData = {
        hooks,
        credentialsHelper: new TestCredentialsHelper(credentials),
        variables: {},
        restApiUrl: 'http://localhost:5678/rest',
        instanceBaseUrl: 'http://localhost:5678/',
        webhookBaseUrl: 'http://localhost:5678/webhook',
        webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
        webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
        formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
        executionTimeoutTimestamp: undefined,
        userId: 'test-user',
    };
    const runData = (0, n8n_workflow_1.createRunExecutionData)({
        executionData: {
            nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
        },
    });
    const execution = new n8n_core_1.WorkflowExecute(additionalData, options.mode ?? 'manual', runData);
    const running = execution.processRunExecutionData(workflow);
    options.abortSignal?.addEventListener('abort', () => running.cancel(), { once: true });
    await running;
    const run = await done;
    const output = (nodeName, outputIndex = 0) => {
        const task = run.data.resultData.runData[nodeName]?.[0];
        return (task?.data?.main?.[outputIndex] ?? []);
    };
    return {
        run,
        output,
        json: (nodeName, outputIndex = 0) => output(nodeName, outputIndex).map((i) => i.json),
        error: run.data.resultData.error,
    };
}
