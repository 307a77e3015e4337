import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
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
	api: 'POST /cgi-bin/kf/knowledge/mod_group',
	properties: [groupIdProperty('The group to rename'), { ...groupNameProperty, displayName: 'New Name' }, optionsCollection()],
	async execute({ itemIndex, client }) {
		const groupId = stringParam(this, itemIndex, 'groupId');
		const name = readGroupName(this, itemIndex);
		await renameGroup(client, groupId, name);
		return { success: true, group_id: groupId, name };
	},
};
