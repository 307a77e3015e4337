import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { OutcomeCheck, RefusalWords } from '../errors';

/** What an operation gets for one input item (n8n's context is `this`). */
interface OperationItem<Client> {
	itemIndex: number;
	client: Client;
}

/** What an operation returns for one input item: plain JSON objects, or full items (binary). */
export type OperationResult =
	| IDataObject
	| Array<Record<string, unknown>>
	| Record<string, unknown>
	| INodeExecutionData[];

/** One operation of a resource; `Client` is the family's API client. */
export interface OperationDefinition<Client> {
	/** The entry in the Operation dropdown: name, value, action, description. */
	option: INodePropertyOptions & { action: string };
	/** The API call(s) behind it, e.g. "GET /cgi-bin/customservice/getkflist" (README table). */
	api?: string;
	/**
	 * For each call that changes something (by its path): what it may have done when its answer is
	 * lost, and how the user can check. Every call of `api` that is a change needs one (a test checks).
	 */
	outcome?: Readonly<Record<string, OutcomeCheck>>;
	/** Errcodes that mean something else for this operation than the family's table says. */
	refusals?: Readonly<Record<number, RefusalWords>>;
	/** Parameters of this operation; the resource/operation displayOptions are added for you. */
	properties: INodeProperties[];
	/** Runs for one input item. Validate input first: throw before any request is sent. */
	execute(this: IExecuteFunctions, item: OperationItem<Client>): Promise<OperationResult>;
}

export interface ResourceDefinition<Client> {
	option: INodePropertyOptions;
	/** Listed alphabetically (n8n's convention), so the first is not always the natural default. */
	operations: Array<OperationDefinition<Client>>;
	/** The operation preselected for this resource; the first one when not set. */
	defaultOperation?: string;
}

export function findOperation<Client>(
	resources: ReadonlyArray<ResourceDefinition<Client>>,
	resource: string,
	operation: string,
): OperationDefinition<Client> | undefined {
	return resources.find((r) => r.option.value === resource)?.operations.find((o) => o.option.value === operation);
}

function withDisplay(property: INodeProperties, resource: string, operation: string): INodeProperties {
	const show = property.displayOptions?.show ?? {};
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { resource: [resource], operation: [operation], ...show },
		},
	};
}

/** resource → operation → that operation's own parameters. */
export function nodeProperties<Client>(resources: ReadonlyArray<ResourceDefinition<Client>>, defaultResource: string): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((r) => r.option),
			default: defaultResource,
		},
	];
	for (const resource of resources) {
		const value = String(resource.option.value);
		const defaultOperation = resource.defaultOperation ?? String(resource.operations[0].option.value);
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [value] } },
			options: resource.operations.map((o) => o.option),
			default: defaultOperation,
		});
	}
	for (const resource of resources) {
		for (const operation of resource.operations) {
			for (const property of operation.properties) {
				properties.push(withDisplay(property, String(resource.option.value), String(operation.option.value)));
			}
		}
	}
	return properties;
}
