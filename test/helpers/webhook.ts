import { HookContext, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeTypeDescription,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { WeChatCustomerServiceTrigger } from '../../nodes/WeChatCustomerService/WeChatCustomerServiceTrigger.node';
import { pushDeduplicator } from '../../nodes/WeChatCustomerService/push/dedup';
import { signedUrlMemory } from '../../nodes/WeChatCustomerService/push/replay';

export const TRIGGER_TYPE = 'n8n-nodes-wechat-customer-service.weChatCustomerServiceTrigger';

const trigger = new WeChatCustomerServiceTrigger();

/** What the trigger wrote on the response object. */
export interface WrittenResponse {
	status?: number;
	headers: Record<string, string>;
	body?: string;
	ended: boolean;
}

export interface WebhookCall {
	result: IWebhookResponseData;
	response: WrittenResponse;
	/** Every line the node logged, any level. */
	logs: string[];
	/** The item the workflow would start with, if any. */
	item?: IDataObject;
}

export interface WebhookRequest {
	method: 'GET' | 'POST';
	/** Query string without `?`, as WeChat sends it. */
	query: string;
	body?: string | Buffer;
	contentType?: string;
}

/** Empties the process-wide trigger memories: the dedup memory and the signed-URL memory. */
export function forgetPushes(): void {
	pushDeduplicator.clear();
	signedUrlMemory.clear();
}

/** Each test starts with the trigger memories empty, and the real clock. */
export function useFreshTriggerMemory(): void {
	beforeEach(forgetPushes);
	afterEach(() => jest.restoreAllMocks());
}

interface TriggerSetup {
	node: INode;
	workflow: Workflow;
}

function triggerSetup(
	parameters: INodeParameters,
	options: { workflowId?: string; nodeId?: string; timezone?: string } = {},
): TriggerSetup {
	const description = trigger.description;
	const node: INode = {
		id: options.nodeId ?? 'trigger-node',
		name: 'WeChat Customer Service Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'c0ffee00-0000-4000-8000-000000000001',
		parameters: NodeHelpers.getNodeParameters(description.properties, parameters, true, false, null, description) ?? {},
		credentials: { weChatOfficialAccountPushApi: { id: '1', name: 'WeChat push' } },
	};
	const workflow = new Workflow({
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
	return { node, workflow };
}

/**
 * What n8n does when the workflow is activated: the POST webhook's checkExists, then create
 * when it says no (n8n's WebhookService.createWebhookIfNotExists), in a real HookContext.
 */
export async function activateTrigger(parameters: INodeParameters): Promise<boolean> {
	const { node, workflow } = triggerSetup(parameters);
	const methods = trigger.webhookMethods.default;
	const ctx = new HookContext(workflow, node, {} as IWorkflowExecuteAdditionalData, 'trigger', 'activate');
	return (await methods.checkExists.call(ctx)) || (await methods.create.call(ctx));
}

/**
 * Calls the trigger's webhook() through n8n-core's real WebhookContext, as n8n's webhook
 * server does, with a request whose raw bytes are kept and a response that records writes.
 */
export async function callTrigger(
	parameters: INodeParameters,
	credential: ICredentialDataDecryptedObject,
	request: WebhookRequest,
	options: { workflowId?: string; nodeId?: string; timezone?: string } = {},
): Promise<WebhookCall> {
	const description = trigger.description;
	const { node, workflow } = triggerSetup(parameters, options);
	const rawBody = request.body === undefined ? undefined : Buffer.from(request.body);
	const req = {
		method: request.method,
		query: Object.fromEntries(new URLSearchParams(request.query)),
		headers: { 'content-type': request.contentType ?? 'text/xml' },
		rawBody,
		body: {},
		params: {},
	};
	const response: WrittenResponse = { headers: {}, ended: false };
	const res = {
		writeHead(status: number, headers: Record<string, string>) {
			response.status = status;
			Object.assign(response.headers, headers);
			return res;
		},
		end(body?: string) {
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
	} as unknown as IWorkflowExecuteAdditionalData;
	const logs: string[] = [];
	const ctx = webhookContext({ workflow, node, additionalData, description, method: request.method, logs });
	const result = await trigger.webhook.call(ctx);
	return { result, response, logs, item: result.workflowData?.[0]?.[0]?.json };
}

/**
 * n8n-core's real WebhookContext for a trigger node's `method` webhook (path `webhook`), as n8n's
 * live webhooks build it; everything the node logs is pushed onto `logs`.
 */
export function webhookContext(call: {
	workflow: Workflow;
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
	description: INodeTypeDescription;
	method: string;
	logs: string[];
}): WebhookContext {
	const { workflow, node, additionalData, description, method, logs } = call;
	const webhookDescription = (description.webhooks ?? []).find((w) => w.httpMethod === method);
	if (!webhookDescription) throw new Error(`the trigger has no ${method} webhook`);
	const webhookData = {
		httpMethod: method,
		node: node.name,
		path: 'webhook',
		webhookDescription,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	} as unknown as IWebhookData;
	const ctx = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const log = (message: string) => logs.push(message);
	Object.defineProperty(ctx, 'logger', { value: { debug: log, info: log, warn: log, error: log } });
	return ctx;
}
