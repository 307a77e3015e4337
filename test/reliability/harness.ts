// Runs one reliability row: a workflow Start → Items → WeChat node through n8n-core's real
// WorkflowExecute against the sandbox, with the row's credential, setup and faults.
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import type { KfSandbox } from '../../sandbox';
import { NODE_TYPE } from '../helpers/nodes';
import { CREDENTIAL_TYPE } from '../helpers/sandbox';
import { runWorkflow, type WorkflowJson, type WorkflowRun } from '../helpers/workflow';
import { SECRETS, TOKEN_SERVER_HEADER, TOKEN_SERVER_PATH, type Env, type Row } from './table';

export const NODE_NAME = 'WeChat';

/** The reliability app (distinctive AppSecret) and a central token server that serves its token. */
export function prepareSandbox(sb: KfSandbox): void {
	sb.state.addApp(SECRETS.appId, SECRETS.appSecret);
	sb.addRoute({
		method: 'GET',
		path: TOKEN_SERVER_PATH,
		handler: async (req, box) => {
			if (req.headers[TOKEN_SERVER_HEADER.toLowerCase()] !== SECRETS.headerValue) {
				return { json: { errcode: 40001, errmsg: 'wrong token server key' } };
			}
			const res = await fetch(`${box.url}/cgi-bin/stable_token`, {
				method: 'POST',
				body: JSON.stringify({ grant_type: 'client_credential', appid: SECRETS.appId, secret: SECRETS.appSecret }),
			});
			return { json: (await res.json()) as Record<string, unknown> };
		},
	});
}

function node(name: string, type: string, x: number, parameters: INode['parameters'], extra: Partial<INode> = {}): INode {
	return { id: `${name}-id`, name, type, typeVersion: 1, position: [x, 0], parameters, ...extra };
}

export function workflowOf(row: Row, e: Env): WorkflowJson {
	const params = typeof row.params === 'function' ? row.params(e) : (row.params ?? {});
	return {
		name: row.when,
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 0, {}),
			node('Items', 'test.fixedItems', 200, {
				items: JSON.stringify(row.items ?? [{}]),
				binary: JSON.stringify(row.binary ?? []),
			}),
			node(NODE_NAME, NODE_TYPE, 400, { resource: row.resource, operation: row.operation, ...params } as INode['parameters'], {
				credentials: { [CREDENTIAL_TYPE]: { id: 'reliability', name: 'WeChat reliability' } },
			}),
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

export function credentialOf(row: Row, e: Env): Record<string, ICredentialDataDecryptedObject> {
	return {
		[CREDENTIAL_TYPE]: {
			source: 'stableToken',
			appId: SECRETS.appId,
			appSecret: SECRETS.appSecret,
			apiHost: 'custom',
			baseUrl: e.sb.url,
			proxyUrl: '',
			timeoutSeconds: 10,
			...(row.credential?.(e) ?? {}),
		} as ICredentialDataDecryptedObject,
	};
}

export async function runRow(row: Row, e: Env): Promise<WorkflowRun> {
	await row.setup?.(e);
	return await runWorkflow(workflowOf(row, e), credentialOf(row, e), { abortSignal: e.abort.signal });
}

/** `expected` with `‹rid›` standing for WeChat's request id, as a whole-string pattern. */
export function textPattern(expected: string): RegExp {
	const escaped = expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^${escaped.replace(/‹rid›/g, 'rid: \\S+')}$`);
}

/** Every secret a run could leak: the fixed ones and each token the sandbox issued. */
export function secretsOf(sb: KfSandbox): string[] {
	const fixed = Object.entries(SECRETS)
		.filter(([key]) => key !== 'appId')
		.map(([, value]) => value);
	return [...fixed, ...sb.state.tokens.keys()];
}
