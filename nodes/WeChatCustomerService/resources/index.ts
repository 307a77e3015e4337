import type { INodeProperties } from 'n8n-workflow';

import * as operations from '../../shared/execution/operations';
import type { ResourceDefinition } from '../execution/types';
import { accountResource } from './account';
import { agentResource } from './agent';
import { avatarResource } from './avatar';
import { mediaResource } from './media';
import { messageResource } from './message';
import { recordResource } from './record';
import { sessionResource } from './session';

/** The resource preselected in a new node. */
export const DEFAULT_RESOURCE = 'agent';

/** Every resource of the node, in the order of the Resource dropdown. */
export const RESOURCES: ResourceDefinition[] = [accountResource, avatarResource, agentResource, recordResource, sessionResource, messageResource, mediaResource];

/** resource → operation → that operation's own parameters. */
export function nodeProperties(): INodeProperties[] {
	return operations.nodeProperties(RESOURCES, DEFAULT_RESOURCE);
}
