import type { INodeProperties } from 'n8n-workflow';

import * as operations from '../../shared/execution/operations';
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
	return operations.findOperation(RESOURCES, resource, operation);
}

/** resource → operation → that operation's own parameters. */
export function nodeProperties(): INodeProperties[] {
	return operations.nodeProperties(RESOURCES, 'agent');
}
