import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { SANDBOX_WECOM, type KfSandbox } from '../../sandbox';
import { WECOM_NODE_TYPE } from './nodes';
import { runWorkflow, type WorkflowJson, type WorkflowRun } from './workflow';

export const WECOM_CREDENTIAL_TYPE = 'weComCustomerServiceApi';
export const WECOM_NODE_NAME = 'WeCom Customer Service';

/** The sandbox corp's credential (custom base URL = the sandbox). */
export function weComCredential(sb: KfSandbox, overrides: ICredentialDataDecryptedObject = {}): Record<string, ICredentialDataDecryptedObject> {
	return {
		[WECOM_CREDENTIAL_TYPE]: {
			corpId: SANDBOX_WECOM.corpId,
			secret: SANDBOX_WECOM.secret,
			apiHost: 'custom',
			baseUrl: sb.url,
			proxyUrl: '',
			timeoutSeconds: 10,
			...overrides,
		},
	};
}

/**
 * A workflow of Manual Trigger → (Fixed Items with `items`, when given) → the WeCom node with
 * `parameters`; `settings` for the node (continueOnFail, onError).
 */
export function weComWorkflow(parameters: INodeParameters, options: { items?: IDataObject[]; node?: IDataObject } = {}): WorkflowJson {
	const trigger = { parameters: {}, id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] };
	const source = { parameters: { items: JSON.stringify(options.items ?? []) }, id: 's', name: 'Items', type: 'test.fixedItems', typeVersion: 1, position: [200, 0] };
	const node = {
		parameters,
		id: 'w',
		name: WECOM_NODE_NAME,
		type: WECOM_NODE_TYPE,
		typeVersion: 1,
		position: [400, 0],
		credentials: { [WECOM_CREDENTIAL_TYPE]: { id: 'wecomCred01', name: 'WeCom sandbox' } },
		...options.node,
	};
	const withItems = options.items !== undefined;
	return {
		nodes: (withItems ? [trigger, source, node] : [trigger, node]) as WorkflowJson['nodes'],
		connections: withItems
			? { Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] }, Items: { main: [[{ node: WECOM_NODE_NAME, type: 'main', index: 0 }]] } }
			: { Start: { main: [[{ node: WECOM_NODE_NAME, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Runs the WeCom node once against the sandbox. */
export async function runWeCom(
	sb: KfSandbox,
	parameters: INodeParameters,
	options: { items?: IDataObject[]; node?: IDataObject; credential?: ICredentialDataDecryptedObject } = {},
): Promise<WorkflowRun> {
	return await runWorkflow(weComWorkflow(parameters, options), weComCredential(sb, options.credential));
}
