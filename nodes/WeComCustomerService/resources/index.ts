import type { INodeProperties } from 'n8n-workflow';

import * as operations from '../../shared/execution/operations';
import type { ResourceDefinition } from '../execution/types';
import { accountResource } from './account';
import { customerResource } from './customer';
import { knowledgeBaseResource } from './knowledgeBase';
import { mediaResource } from './media';
import { messageResource } from './message';
import { servicerResource } from './servicer';
import { sessionResource } from './session';
import { statisticsResource } from './statistics';
import { upgradeServiceResource } from './upgradeService';

/** The resource preselected in a new node. */
export const DEFAULT_RESOURCE = 'message';

/** Every resource of the node, in the order of the Resource dropdown (alphabetical, n8n's convention). */
export const RESOURCES: ResourceDefinition[] = [
	accountResource,
	customerResource,
	knowledgeBaseResource,
	mediaResource,
	messageResource,
	servicerResource,
	sessionResource,
	statisticsResource,
	upgradeServiceResource,
];

/** resource → operation → that operation's own parameters. */
export function nodeProperties(): INodeProperties[] {
	return operations.nodeProperties(RESOURCES, DEFAULT_RESOURCE);
}
