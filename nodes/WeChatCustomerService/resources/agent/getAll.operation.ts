import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import { withHeadImageSize } from '../../client/agents';
import type { OperationDefinition } from '../../execution/types';
import { optionsCollection } from '../../../shared/execution/parameters';

export const getAllAgents: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many agents',
		description: 'List every customer-service agent of the Official Account (getkflist)',
	},
	api: apiLine(KF_CALLS.listAgents),
	properties: [optionsCollection()],
	async execute({ client }) {
		const agents = await client.listAgents();
		return agents.map(withHeadImageSize);
	},
};
