import {
	NodeConnectionTypes,
	NodeHelpers,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { WeChatCustomerService } from '../../nodes/WeChatCustomerService/WeChatCustomerService.node';
import { WeComCustomerService } from '../../nodes/WeComCustomerService/WeComCustomerService.node';

export const NODE_TYPE = 'n8n-nodes-wechat-customer-service.weChatCustomerService';
export const WECOM_NODE_TYPE = 'n8n-nodes-wechat-customer-service.weComCustomerService';

/** Stand-in for n8n-nodes-base.manualTrigger (not installed here): passes one empty item on. */
class ManualTriggerStub implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'test stub',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/**
 * Test-only source of items: parameter `items` is a JSON array of json objects; optional
 * `binary` is a JSON array (same length) of {property, base64, fileName, mimeType} or null.
 */
class FixedItemsStub implements INodeType {
	description = {
		displayName: 'Fixed Items',
		name: 'fixedItems',
		group: ['transform'],
		version: 1,
		description: 'test stub',
		defaults: { name: 'Fixed Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Items', name: 'items', type: 'string', default: '[]' },
			{ displayName: 'Binary', name: 'binary', type: 'string', default: '[]' },
		],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as object[];
		type File = { property: string; base64: string; fileName: string; mimeType: string };
		const binaries = JSON.parse(this.getNodeParameter('binary', 0, '[]') as string) as Array<File | File[] | null>;
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const item: INodeExecutionData = { json: items[i] as INodeExecutionData['json'], pairedItem: { item: 0 } };
			// One file, or a list of files (each in its own property), or null.
			const entry = binaries[i];
			for (const b of Array.isArray(entry) ? entry : entry ? [entry] : []) {
				item.binary = {
					...item.binary,
					[b.property]: await this.helpers.prepareBinaryData(Buffer.from(b.base64, 'base64'), b.fileName, b.mimeType),
				};
			}
			out.push(item);
		}
		return [out];
	}
}

/** Pass-through, so tests can see what reached a node behind an output. */
class NoOpStub implements INodeType {
	description = {
		displayName: 'No Operation',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'test stub',
		defaults: { name: 'No Operation' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** The node and the stubs above; `extra` adds node types by name (a benchmark's own item source). */
export function createNodeTypes(extra: Record<string, INodeType> = {}): INodeTypes {
	const types: Record<string, INodeType | IVersionedNodeType> = {
		'n8n-nodes-base.manualTrigger': new ManualTriggerStub(),
		'n8n-nodes-base.noOp': new NoOpStub(),
		'test.fixedItems': new FixedItemsStub(),
		[NODE_TYPE]: new WeChatCustomerService(),
		[WECOM_NODE_TYPE]: new WeComCustomerService(),
		...extra,
	};
	return {
		getByName: (type) => types[type],
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(types[type], version),
		getKnownTypes: () => ({}),
	};
}
