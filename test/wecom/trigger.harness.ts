// The WeCom Customer Service Trigger behind a real HTTP server, run the way n8n's live webhooks
// run it: each request gets a new Workflow whose static data comes from "the database", webhook()
// runs in n8n-core's real WebhookContext, the static data is saved after webhook() returns when it
// changed, and the returned workflowData is one execution. `restart()` forgets what the process
// held and keeps the database.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
} from 'n8n-workflow';

import { seenCallbacks } from '../../nodes/WeComCustomerService/callback/receive';
import { recentMsgIds, writtenCursors } from '../../nodes/WeComCustomerService/trigger/pull';
import { WeComCustomerServiceTrigger } from '../../nodes/WeComCustomerService/WeComCustomerServiceTrigger.node';
import { SANDBOX_WECOM, type KfSandbox } from '../../sandbox';
import { webhookContext } from '../helpers/webhook';
import { weComCredential } from '../helpers/wecom';

export const WECOM_TRIGGER_TYPE = 'n8n-nodes-wechat-customer-service.weComCustomerServiceTrigger';
const NODE_NAME = 'WeCom Customer Service Trigger';
const trigger = new WeComCustomerServiceTrigger();

export const CALLBACK_CREDENTIAL: ICredentialDataDecryptedObject = {
	token: SANDBOX_WECOM.callbackToken,
	encodingAESKey: SANDBOX_WECOM.encodingAESKey,
	corpId: SANDBOX_WECOM.corpId,
	previousEncodingAESKey: '',
};

/** Forgets everything the n8n process held (an n8n restart); the database stays. */
export function forgetProcessMemory(): void {
	seenCallbacks.clear();
	recentMsgIds.clear();
	writtenCursors.clear();
}

export interface SeenRequest {
	method: string;
	status?: number;
	body?: string;
}

export class TriggerHarness {
	/** The workflow's static data as n8n's database holds it. */
	database: IDataObject = {};
	/** The items (json) of each execution, in the order webhook() returned them. */
	executions: IDataObject[][] = [];
	/** The same items with their binary data. */
	fullItems: INodeExecutionData[] = [];
	/** Every request and what the trigger answered. */
	requests: SeenRequest[] = [];
	logs: string[] = [];
	url = '';
	/** Runs before webhook() of the next requests (e.g. moving the sandbox clock). */
	beforeWebhook?: () => void;
	/** The next this many answers never reach WeCom (its connection is dropped), so WeCom retries. */
	dropAnswers = 0;
	private server?: Server;
	private pending = new Set<Promise<void>>();

	constructor(
		private readonly sb: KfSandbox,
		public parameters: INodeParameters,
		public callbackCredential: ICredentialDataDecryptedObject = CALLBACK_CREDENTIAL,
		private readonly timezone = 'Asia/Shanghai',
	) {}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const run = this.handle(req, res, Buffer.concat(chunks)).catch((error: Error) => {
					this.logs.push(`harness: ${error.stack ?? error.message}`);
					if (!res.headersSent) res.writeHead(599).end(String(error));
				});
				this.pending.add(run);
				void run.finally(() => this.pending.delete(run));
			});
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/c0ffee00-0000-4000-8000-00000000000a/webhook`;
		this.sb.state.wecom.demoCorp.callback = { url: this.url, token: SANDBOX_WECOM.callbackToken, encodingAESKey: SANDBOX_WECOM.encodingAESKey };
		return this;
	}

	async stop(): Promise<void> {
		await this.idle();
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}

	/** Waits until every webhook() call has returned (pulls included). */
	async idle(): Promise<void> {
		while (this.pending.size) await Promise.all([...this.pending]);
	}

	/** All items of all executions, in order. */
	get items(): IDataObject[] {
		return this.executions.flat();
	}

	private node(): INode {
		const description = trigger.description;
		return {
			id: 'wecom-trigger-node',
			name: NODE_NAME,
			type: WECOM_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: 'c0ffee00-0000-4000-8000-00000000000a',
			parameters: NodeHelpers.getNodeParameters(description.properties, this.parameters, true, false, null, description) ?? {},
			credentials: {
				weComCustomerServiceCallbackApi: { id: 'cb1', name: 'WeCom callback' },
				weComCustomerServiceApi: { id: 'api1', name: 'WeCom API' },
			},
		};
	}

	/** A Workflow as n8n builds one per request: static data from the database. */
	private workflow(node: INode): Workflow {
		return new Workflow({
			id: 'wf-wecom-trigger',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: { getByName: () => trigger, getByNameAndVersion: () => trigger, getKnownTypes: () => ({}) },
			staticData: structuredClone(this.database),
			settings: { executionOrder: 'v1', timezone: this.timezone },
		});
	}

	/** n8n's WorkflowStaticDataService.saveStaticData. */
	private save(workflow: Workflow): void {
		const data = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (data.__dataChanged === true) {
			this.database = JSON.parse(JSON.stringify(data)) as IDataObject;
			data.__dataChanged = false;
		}
	}

	private additionalData(extra: object = {}): IWorkflowExecuteAdditionalData {
		const credentials: Record<string, ICredentialDataDecryptedObject> = {
			weComCustomerServiceCallbackApi: this.callbackCredential,
			...weComCredential(this.sb),
		};
		return {
			credentialsHelper: {
				getDecrypted: async (_a: unknown, details: { id: string }, type: string) => ({ ...credentials[type] }),
				isCredentialUsableByNode: () => true,
				getParentTypes: () => [],
			},
			variables: {},
			restApiUrl: 'http://localhost:5678/rest',
			instanceBaseUrl: 'http://localhost:5678/',
			webhookBaseUrl: 'http://localhost:5678/webhook',
			webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
			webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
			formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** n8n's activation: checkExists, then create when it says no; then the static data is saved. */
	async activate(mode: WorkflowActivateMode = 'activate'): Promise<void> {
		const node = this.node();
		const workflow = this.workflow(node);
		const ctx = new HookContext(workflow, node, this.additionalData(), 'trigger', mode);
		const methods = trigger.webhookMethods.default;
		if (!(await methods.checkExists.call(ctx))) await methods.create.call(ctx);
		this.save(workflow);
	}

	private async handle(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void> {
		this.beforeWebhook?.();
		const url = new URL(req.url ?? '/', 'http://x');
		const seen: SeenRequest = { method: req.method ?? '' };
		this.requests.push(seen);
		const drop = this.dropAnswers > 0;
		if (drop) this.dropAnswers -= 1;
		const response = {
			writeHead: (status: number, headers: Record<string, string>) => {
				seen.status = status;
				if (!drop) res.writeHead(status, headers);
				return response;
			},
			end: (body?: string) => {
				seen.body = body;
				if (drop) res.destroy();
				else res.end(body);
				return response;
			},
			get headersSent() {
				return seen.body !== undefined;
			},
		};
		const request = {
			method: req.method,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			rawBody: req.method === 'POST' ? rawBody : undefined,
			body: {},
			params: {},
		};
		const node = this.node();
		const workflow = this.workflow(node);
		const additionalData = this.additionalData({ httpRequest: request, httpResponse: response });
		const ctx = webhookContext({ workflow, node, additionalData, description: trigger.description, method: req.method ?? '', logs: this.logs });
		const result = await trigger.webhook.call(ctx);
		this.save(workflow);
		const items = result.workflowData?.[0];
		if (items?.length) {
			this.executions.push(items.map((i) => i.json));
			this.fullItems.push(...items);
		}
	}
}
