import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import { withStatusName } from '../../client/agents';
import type { OperationDefinition } from '../../execution/types';
import { optionsCollection } from '../../../shared/execution/parameters';

export const getOnlineAgents: OperationDefinition = {
	option: {
		name: 'Get Online',
		value: 'getOnline',
		action: 'Get online agents',
		description: 'List the agents who are online now and how many sessions each serves (getonlinekflist)',
	},
	api: apiLine(KF_CALLS.listOnlineAgents),
	properties: [optionsCollection()],
	async execute({ client }) {
		const agents = await client.listOnlineAgents();
		// status_name right after status: n8n's table shows the fields in the item's order.
		return agents.map(withStatusName).map(({ kf_account, status, status_name, ...rest }) => ({ kf_account, status, status_name, ...rest }));
	},
};
