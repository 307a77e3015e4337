import type { ResourceDefinition } from '../../execution/types';
import { getAllAgents } from './getAll';
import { getOnlineAgents } from './getOnline';

export const agentResource: ResourceDefinition = {
	option: { name: 'Agent', value: 'agent', description: 'Customer-service agents and who is online' },
	operations: [getAllAgents, getOnlineAgents],
};
