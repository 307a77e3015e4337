import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { createKfClient } from './client/settings';
import { readConcurrency } from '../shared/execution/concurrency';
import { officialAccountCredentials } from './execution/credentials';
import { toNodeError } from '../shared/execution/errors';
import { runPerItem } from '../shared/execution/runner';
import { n8nTransport } from '../shared/execution/transport';
import { findOperation, nodeProperties } from './resources';

let nodePropertiesOnce: ReturnType<typeof nodeProperties> | undefined;

/** Dispatches resource × operation over the input items. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of resource "${resource}" is not supported`);
	}
	// Field problems are named by their label in the panel, taken from the node description.
	const properties = (nodePropertiesOnce ??= nodeProperties());
	const credentials = await officialAccountCredentials(this);
	let client;
	let concurrency;
	try {
		concurrency = readConcurrency(this);
		client = createKfClient(credentials, n8nTransport(this), { signal: this.getExecutionCancelSignal() });
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0, { properties });
	}
	return await runPerItem(this, { operation, client, concurrency, properties });
}
