import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
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
	api: apiLine(WECOM_CALLS.addGroup),
	outcome: {
		[WECOM_CALLS.addGroup.path]: { done: 'created the group', then: 'check with Knowledge Base → Get Many Groups before running it again' },
	},
	properties: [groupNameProperty, optionsCollection()],
	async execute({ itemIndex, client }) {
		const name = readGroupName(this, itemIndex);
		return { group_id: await addGroup(client, name), name };
	},
};
