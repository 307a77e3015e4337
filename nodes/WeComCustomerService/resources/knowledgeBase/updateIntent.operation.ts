import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
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
	api: 'POST /cgi-bin/kf/knowledge/mod_intent',
	properties: [intentIdProperty, intentUpdateFields, optionsCollection()],
	async execute({ itemIndex, client }) {
		const intentId = stringParam(this, itemIndex, 'intentId');
		await updateKnowledgeIntent(client, intentId, readIntentUpdate(this, itemIndex));
		return { success: true, intent_id: intentId };
	},
};
