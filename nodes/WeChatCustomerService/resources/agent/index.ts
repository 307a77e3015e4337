import type { ResourceDefinition } from '../../execution/types';
import { getAllAgents } from './getAll.operation';
import { getOnlineAgents } from './getOnline.operation';

export const agentResource: ResourceDefinition = {
	option: { name: 'Agent', value: 'agent', description: 'Customer-service agents and who is online' },
	operations: [getAllAgents, getOnlineAgents],
};
