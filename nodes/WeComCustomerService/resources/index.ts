import type { INodeProperties } from 'n8n-workflow';

import * as operations from '../../shared/execution/operations';
import type { ResourceDefinition } from '../execution/types';
import { accountResource } from './account';
import { messageResource } from './message';

/** The resource preselected in a new node. */
export const DEFAULT_RESOURCE = 'message';

/** Every resource of the node, in the order of the Resource dropdown. */
export const RESOURCES: ResourceDefinition[] = [accountResource, messageResource];

/** resource → operation → that operation's own parameters. */
export function nodeProperties(): INodeProperties[] {
	return operations.nodeProperties(RESOURCES, DEFAULT_RESOURCE);
}
