import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { createNodeTypes } from './nodes';

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IDataObject;
	settings?: IDataObject;
	pinData?: IDataObject;
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}
	async getDecrypted(_a: unknown, _n: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`no test credential of type ${type}`);
		return { ...data };
	}
	async authenticate(_c: unknown, _t: string, requestOptions: never): Promise<never> {
		return requestOptions;
	}
	async preAuthentication(): Promise<undefined> {
		return undefined;
	}
	getParentTypes(): string[] {
		return [];
	}
	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not available in tests');
	}
	async updateCredentials(): Promise<void> {}
	async updateCredentialsOauthTokenData(): Promise<void> {}
	getCredentialsProperties(): [] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
}

export function loadWorkflow(file: string): WorkflowJson {
	return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', file), 'utf8')) as WorkflowJson;
}

export interface WorkflowRun {
	run: IRun;
	/** Items a node emitted on one of its outputs (first run). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** json of those items. */
	json(nodeName: string, outputIndex?: number): IDataObject[];
	/** The error the run ended with, if any. */
	error?: Error & { description?: string; context?: IDataObject };
}

/**
 * Executes workflow JSON through n8n-core's real WorkflowExecute, starting at the trigger,
 * with our node and the given credentials (by credential type).
 */
export async function runWorkflow(
	wf: WorkflowJson,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	options: { mode?: WorkflowExecuteMode; abortSignal?: AbortSignal; nodeTypes?: INodeTypes } = {},
): Promise<WorkflowRun> {
	const workflow = new Workflow({
		id: 'test-workflow',
		name: wf.name ?? 'test',
		nodes: wf.nodes,
		connections: wf.connections as never,
		active: false,
		nodeTypes: options.nodeTypes ?? createNodeTypes(),
		settings: (wf.settings ?? { executionOrder: 'v1' }) as never,
	});
	const start = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!start) throw new Error('the workflow needs a Manual Trigger');
	const hooks = new ExecutionLifecycleHooks('manual', 'test-exec', {
		id: 'test-workflow',
		nodes: [],
		connections: {},
	} as never);
	const done = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
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
	} as unknown as IWorkflowExecuteAdditionalData;
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalData, options.mode ?? 'manual', runData);
	const running = execution.processRunExecutionData(workflow);
	// What n8n does when the user stops the execution: the nodes' cancel signal fires.
	options.abortSignal?.addEventListener('abort', () => running.cancel(), { once: true });
	await running;
	const run = await done;
	const output = (nodeName: string, outputIndex = 0): INodeExecutionData[] => {
		const task = run.data.resultData.runData[nodeName]?.[0];
		return (task?.data?.main?.[outputIndex] ?? []) as INodeExecutionData[];
	};
	return {
		run,
		output,
		json: (nodeName, outputIndex = 0) => output(nodeName, outputIndex).map((i) => i.json),
		error: run.data.resultData.error as WorkflowRun['error'],
	};
}
