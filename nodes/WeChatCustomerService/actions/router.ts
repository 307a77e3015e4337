import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { createKfClient, type WeChatCredentialData } from '../client/settings';
import { findOperation } from '../resources';
import { MAX_CONCURRENCY } from '../resources/shared';
import { errorItemJson, toNodeError } from './errors';
import { mapWithConcurrency, toItems } from './runner';

export const CREDENTIAL_TYPE = 'weChatOfficialAccountApi';

function readConcurrency(ctx: IExecuteFunctions): number {
	const value = Number(ctx.getNodeParameter('options.concurrency', 0, 1));
	if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Item 0: "Concurrency" (options.concurrency) must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${value}`,
			{ itemIndex: 0 },
		);
	}
	return value;
}

/** Dispatches resource × operation over the input items. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of resource "${resource}" is not supported`);
	}
	const concurrency = readConcurrency(this);
	const credentials = (await this.getCredentials(CREDENTIAL_TYPE)) as WeChatCredentialData;
	let client;
	try {
		client = createKfClient(credentials, { signal: this.getExecutionCancelSignal() });
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
	const continueOnFail = this.continueOnFail();
	const perItem = await mapWithConcurrency(items.length, concurrency, async (itemIndex) => {
		try {
			return toItems(await operation.execute.call(this, { itemIndex, client }), itemIndex);
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex, client.secrets);
			if (!continueOnFail) throw nodeError;
			return [{ json: errorItemJson(nodeError), pairedItem: { item: itemIndex } }];
		}
	});
	return [perItem.flat()];
}
