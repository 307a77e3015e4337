import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { OperationDefinition } from '../../execution/types';
import { kfAccountProperty, readKfAccount } from '../shared';
import { optionsCollection, workflowTimeFormatter } from '../../../shared/execution/parameters';
import { withCreatetimeIso, agentSessionItems } from './shared';

export const getAllSessions: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many sessions',
		description: 'List the customers an agent is serving, one item per session (kfsession/getsessionlist)',
	},
	api: apiLine(KF_CALLS.listSessions),
	properties: [kfAccountProperty('agent'), optionsCollection()],
	async execute({ itemIndex, client }) {
		const kfAccount = readKfAccount(this, itemIndex);
		const zone = workflowTimeFormatter(this);
		return agentSessionItems(kfAccount, await client.listSessions(kfAccount)).map((s) => withCreatetimeIso(s, zone));
	},
};
