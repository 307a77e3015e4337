import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../execution/types';
import { accountResource } from './account';
import { agentResource } from './agent';
import { avatarResource } from './avatar';
import { mediaResource } from './media';
import { messageResource } from './message';
import { recordResource } from './record';
import { sessionResource } from './session';

/** Every resource of the node, in the order of the Resource dropdown. */
export const RESOURCES: ResourceDefinition[] = [accountResource, avatarResource, agentResource, recordResource, sessionResource, messageResource, mediaResource];

export function findOperation(resource: string, operation: string): OperationDefinition | undefined {
	return RESOURCES.find((r) => r.option.value === resource)?.operations.find(
		(o) => o.option.value === operation,
	);
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
export function nodeProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: RESOURCES.map((r) => r.option),
			default: 'agent',
		},
	];
	for (const resource of RESOURCES) {
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
	for (const resource of RESOURCES) {
		for (const operation of resource.operations) {
			for (const property of operation.properties) {
				properties.push(withDisplay(property, String(resource.option.value), String(operation.option.value)));
			}
		}
	}
	return properties;
}
