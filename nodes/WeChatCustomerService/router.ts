import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { createKfClient } from './client/settings';
import { readConcurrency } from './execution/concurrency';
import { officialAccountCredentials } from './execution/credentials';
import { errorItemJson, toNodeError } from './execution/errors';
import { mapWithConcurrency, toItems } from './execution/runner';
import { n8nTransport } from './execution/transport';
import { findOperation, nodeProperties } from './resources';

let nodePropertiesOnce: ReturnType<typeof nodeProperties> | undefined;

/** Dispatches resource × operation over the input items. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
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
	const continueOnFail = this.continueOnFail();
	const perItem = await mapWithConcurrency(items.length, concurrency, async (itemIndex) => {
		try {
			return toItems(await operation.execute.call(this, { itemIndex, client }), itemIndex);
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex, { secrets: client.secrets, properties });
			if (!continueOnFail) throw nodeError;
			return [{ json: errorItemJson(nodeError), pairedItem: { item: itemIndex } }];
		}
	});
	// One input item (the usual case for a list): its array as is; flat() copies element by element.
	return [perItem.length === 1 ? perItem[0] : perItem.flat()];
}
