import { optionsCollection, readLimit, returnAllProperties } from '../../../shared/execution/parameters';
import { listGroups } from '../../client/knowledge';
import type { OperationDefinition } from '../../execution/types';

export const getManyGroups: OperationDefinition = {
	option: {
		name: 'Get Many Groups',
		value: 'getManyGroups',
		action: 'Get many knowledge base groups',
		description: 'List the knowledge base’s groups, one item each, is_default 1 for the default group (kf/knowledge/list_group, paged automatically)',
	},
	api: 'POST /cgi-bin/kf/knowledge/list_group',
	properties: [...returnAllProperties(), optionsCollection()],
	async execute({ itemIndex, client }) {
		return await listGroups(client, readLimit(this, itemIndex));
	},
};
