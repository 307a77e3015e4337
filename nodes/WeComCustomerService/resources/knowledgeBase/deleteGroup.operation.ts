import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
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
	api: apiLine(WECOM_CALLS.deleteGroup),
	outcome: {
		[WECOM_CALLS.deleteGroup.path]: { done: 'deleted the group', then: 'check with Knowledge Base → Get Many Groups before running it again' },
	},
	properties: [groupIdProperty('The group to delete'), optionsCollection()],
	async execute({ itemIndex, client }) {
		const groupId = stringParam(this, itemIndex, 'groupId');
		await deleteKnowledgeGroup(client, groupId);
		return { success: true, group_id: groupId };
	},
};
