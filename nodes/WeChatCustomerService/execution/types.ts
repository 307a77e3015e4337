import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { KfClient } from '../client/KfClient';

interface OperationContext {
	itemIndex: number;
	client: KfClient;
}

/** What an operation returns for one input item: plain JSON objects, or full items (binary). */
export type OperationResult =
	| IDataObject
	| Array<Record<string, unknown>>
	| Record<string, unknown>
	| INodeExecutionData[];

export interface OperationDefinition {
	/** The entry in the Operation dropdown: name, value, action, description. */
	option: INodePropertyOptions & { action: string };
	/** The WeChat call(s) behind it, e.g. "GET /cgi-bin/customservice/getkflist" (README table). */
	api?: string;
	/** Parameters of this operation; the resource/operation displayOptions are added for you. */
	properties: INodeProperties[];
	/** Runs for one input item. Validate input first: throw before any request is sent. */
	execute(this: IExecuteFunctions, ctx: OperationContext): Promise<OperationResult>;
}

export interface ResourceDefinition {
	option: INodePropertyOptions;
	/** Listed alphabetically (n8n's convention), so the first is not always the natural default. */
	operations: OperationDefinition[];
	/** The operation preselected for this resource; the first one when not set. */
	defaultOperation?: string;
}
