import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { deleteGroup as deleteKnowledgeGroup } from '../../client/knowledge';
import type { OperationDefinition } from '../../execution/types';
import { groupIdProperty } from './fields';

export const deleteGroup: OperationDefinition = {
	option: {
		name: 'Delete Group',
		value: 'deleteGroup',
		action: 'Delete a knowledge base group',
		description: 'Delete a group of the knowledge base with its intents; the default group cannot be deleted (kf/knowledge/del_group)',
	},
	api: 'POST /cgi-bin/kf/knowledge/del_group',
	properties: [groupIdProperty('The group to delete'), optionsCollection()],
	async execute({ itemIndex, client }) {
		const groupId = stringParam(this, itemIndex, 'groupId');
		await deleteKnowledgeGroup(client, groupId);
		return { success: true, group_id: groupId };
	},
};
