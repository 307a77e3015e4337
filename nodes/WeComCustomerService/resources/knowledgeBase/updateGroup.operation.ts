import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { renameGroup } from '../../client/knowledge';
import type { OperationDefinition } from '../../execution/types';
import { groupIdProperty, groupNameProperty } from './fields';
import { readGroupName } from './groupName';

export const updateGroup: OperationDefinition = {
	option: {
		name: 'Update Group',
		value: 'updateGroup',
		action: 'Rename a knowledge base group',
		description: 'Rename a group of the knowledge base; the default group cannot be changed (kf/knowledge/mod_group)',
	},
	api: apiLine(WECOM_CALLS.updateGroup),
	outcome: {
		[WECOM_CALLS.updateGroup.path]: { done: 'renamed the group', then: 'check with Knowledge Base → Get Many Groups before running it again' },
	},
	properties: [groupIdProperty('The group to rename'), { ...groupNameProperty, displayName: 'New Name' }, optionsCollection()],
	async execute({ itemIndex, client }) {
		const groupId = stringParam(this, itemIndex, 'groupId');
		const name = readGroupName(this, itemIndex);
		await renameGroup(client, groupId, name);
		return { success: true, group_id: groupId, name };
	},
};
