import type { ResourceDefinition } from '../../execution/types';
import { createGroup } from './createGroup.operation';
import { createIntent } from './createIntent.operation';
import { deleteGroup } from './deleteGroup.operation';
import { deleteIntent } from './deleteIntent.operation';
import { getManyGroups } from './getManyGroups.operation';
import { getManyIntents } from './getManyIntents.operation';
import { updateGroup } from './updateGroup.operation';
import { updateIntent } from './updateIntent.operation';

export const knowledgeBaseResource: ResourceDefinition = {
	option: {
		name: 'Knowledge Base',
		value: 'knowledgeBase',
		description: 'The smart assistant’s questions and answers, in groups',
	},
	defaultOperation: 'createIntent',
	operations: [createGroup, createIntent, deleteGroup, deleteIntent, getManyGroups, getManyIntents, updateGroup, updateIntent],
};
