import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { updateIntent as updateKnowledgeIntent } from '../../client/knowledge';
import type { OperationDefinition } from '../../execution/types';
import { intentIdProperty, intentUpdateFields, readIntentUpdate } from './fields';

export const updateIntent: OperationDefinition = {
	option: {
		name: 'Update Intent',
		value: 'updateIntent',
		action: 'Update a knowledge base intent',
		description: 'Change an intent’s question, similar questions or answer; only the fields added are changed (kf/knowledge/mod_intent)',
	},
	api: apiLine(WECOM_CALLS.updateIntent),
	outcome: {
		[WECOM_CALLS.updateIntent.path]: { done: 'updated the intent', then: 'check with Knowledge Base → Get Many Intents before running it again' },
	},
	properties: [intentIdProperty, intentUpdateFields, optionsCollection()],
	async execute({ itemIndex, client }) {
		const intentId = stringParam(this, itemIndex, 'intentId');
		await updateKnowledgeIntent(client, intentId, readIntentUpdate(this, itemIndex));
		return { success: true, intent_id: intentId };
	},
};
