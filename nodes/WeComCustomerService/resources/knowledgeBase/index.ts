import type { ResourceDefinition } from '../../execution/types';
import { createGroup } from './createGroup';
import { createIntent } from './createIntent';
import { deleteGroup } from './deleteGroup';
import { deleteIntent } from './deleteIntent';
import { getManyGroups } from './getManyGroups';
import { getManyIntents } from './getManyIntents';
import { updateGroup } from './updateGroup';
import { updateIntent } from './updateIntent';

export const knowledgeBaseResource: ResourceDefinition = {
	option: {
		name: 'Knowledge Base',
		value: 'knowledgeBase',
		description: 'The smart assistant’s questions and answers, in groups',
	},
	defaultOperation: 'createIntent',
	operations: [createGroup, createIntent, deleteGroup, deleteIntent, getManyGroups, getManyIntents, updateGroup, updateIntent],
};
