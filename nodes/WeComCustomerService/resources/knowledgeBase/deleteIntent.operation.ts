import { stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
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
	api: 'POST /cgi-bin/kf/knowledge/del_intent',
	properties: [intentIdProperty, optionsCollection()],
	async execute({ itemIndex, client }) {
		const intentId = stringParam(this, itemIndex, 'intentId');
		await deleteKnowledgeIntent(client, intentId);
		return { success: true, intent_id: intentId };
	},
};
