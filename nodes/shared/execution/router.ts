import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { readConcurrency } from './concurrency';
import { toNodeError } from './errors';
import { findOperation, nodeProperties, type ResourceDefinition } from './operations';
import { runPerItem } from './runner';
import type { RefusalWords } from '../errors';

/** What a family's action node routes over: its resources and how it makes a client for a run. */
interface NodeRoutes<Client> {
	resources: ReadonlyArray<ResourceDefinition<Client>>;
	defaultResource: string;
	/** The node's words for errcodes whose advice names its operations (over the client's words). */
	refusals?: Readonly<Record<number, RefusalWords>>;
	/** The client for this run, from the node's credential (throws before any request on a bad credential). */
	createClient(ctx: IExecuteFunctions): Promise<Client>;
}

/** The node's execute(): resource × operation over the input items. */
export function routerFor<Client extends { readonly secrets: string[] }>(routes: NodeRoutes<Client>) {
	let propertiesOnce: ReturnType<typeof nodeProperties> | undefined;
	return async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operationName = this.getNodeParameter('operation', 0) as string;
		const operation = findOperation(routes.resources, resource, operationName);
		if (!operation) {
			throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of resource "${resource}" is not supported`);
		}
		// Field problems are named by their label in the panel, taken from the node description.
		const properties = (propertiesOnce ??= nodeProperties(routes.resources, routes.defaultResource));
		let client;
		let concurrency;
		try {
			concurrency = readConcurrency(this);
			client = await routes.createClient(this);
		} catch (error) {
			throw toNodeError(this.getNode(), error, 0, { properties });
		}
		return await runPerItem(this, { operation, client, concurrency, properties, refusals: routes.refusals });
	};
}
