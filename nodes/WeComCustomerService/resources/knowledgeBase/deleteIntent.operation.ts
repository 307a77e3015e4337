import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { deleteIntent as deleteKnowledgeIntent } from '../../client/knowledge';
import type { OperationDefinition } from '../../execution/types';
import { intentIdProperty } from './fields';

export const deleteIntent: OperationDefinition = {
	option: {
		name: 'Delete Intent',
		value: 'deleteIntent',
		action: 'Delete a knowledge base intent',
		description: 'Delete a question and its answer from the knowledge base (kf/knowledge/del_intent)',
	},
	api: apiLine(WECOM_CALLS.deleteIntent),
	outcome: {
		[WECOM_CALLS.deleteIntent.path]: { done: 'deleted the intent', then: 'check with Knowledge Base → Get Many Intents before running it again' },
	},
	properties: [intentIdProperty, optionsCollection()],
	async execute({ itemIndex, client }) {
		const intentId = stringParam(this, itemIndex, 'intentId');
		await deleteKnowledgeIntent(client, intentId);
		return { success: true, intent_id: intentId };
	},
};
