import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { addIntent } from '../../client/knowledge';
import type { OperationDefinition } from '../../execution/types';
import { groupIdProperty, intentProperties, readIntent } from './fields';

export const createIntent: OperationDefinition = {
	option: {
		name: 'Create Intent',
		value: 'createIntent',
		action: 'Create a knowledge base intent',
		description:
			'Add a question, its similar questions and the answer (with up to 4 attachments) to a group; outputs its intent_id (kf/knowledge/add_intent)',
	},
	api: apiLine(WECOM_CALLS.addIntent),
	outcome: {
		[WECOM_CALLS.addIntent.path]: { done: 'created the intent', then: 'check with Knowledge Base → Get Many Intents before running it again' },
	},
	properties: [groupIdProperty('The group the intent goes in'), ...intentProperties, optionsCollection()],
	async execute({ itemIndex, client }) {
		const groupId = stringParam(this, itemIndex, 'groupId');
		const parts = readIntent(this, itemIndex);
		return { intent_id: await addIntent(client, groupId, parts), group_id: groupId, question: parts.question };
	},
};
