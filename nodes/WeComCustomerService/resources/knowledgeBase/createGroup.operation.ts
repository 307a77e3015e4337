import { optionsCollection } from '../../../shared/execution/parameters';
import { addGroup } from '../../client/knowledge';
import type { OperationDefinition } from '../../execution/types';
import { groupNameProperty } from './fields';
import { readGroupName } from './groupName';

export const createGroup: OperationDefinition = {
	option: {
		name: 'Create Group',
		value: 'createGroup',
		action: 'Create a knowledge base group',
		description: 'Add a group of questions to the smart assistant’s knowledge base; outputs its group_id (kf/knowledge/add_group)',
	},
	api: 'POST /cgi-bin/kf/knowledge/add_group',
	properties: [groupNameProperty, optionsCollection()],
	async execute({ itemIndex, client }) {
		const name = readGroupName(this, itemIndex);
		return { group_id: await addGroup(client, name), name };
	},
};
