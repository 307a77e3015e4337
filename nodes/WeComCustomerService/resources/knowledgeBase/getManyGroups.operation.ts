import { optionsCollection, readLimit, returnAllProperties } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { listGroups } from '../../client/knowledge';
import type { OperationDefinition } from '../../execution/types';

export const getManyGroups: OperationDefinition = {
	option: {
		name: 'Get Many Groups',
		value: 'getManyGroups',
		action: 'Get many knowledge base groups',
		description: 'List the knowledge base’s groups, one item each, is_default 1 for the default group (kf/knowledge/list_group, paged automatically)',
	},
	api: apiLine(WECOM_CALLS.listGroups),
	properties: [...returnAllProperties(), optionsCollection()],
	async execute({ itemIndex, client }) {
		return await listGroups(client, readLimit(this, itemIndex));
	},
};
