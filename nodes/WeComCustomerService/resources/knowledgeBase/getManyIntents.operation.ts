import { stringParam } from '../../../shared/execution/input';
import { optionsCollection, readLimit, returnAllProperties } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { listIntents } from '../../client/knowledge';
import type { OperationDefinition } from '../../execution/types';

export const getManyIntents: OperationDefinition = {
	option: {
		name: 'Get Many Intents',
		value: 'getManyIntents',
		action: 'Get many knowledge base intents',
		description: 'List the knowledge base’s intents (question, similar questions, answer), one item each (kf/knowledge/list_intent, paged automatically)',
	},
	api: apiLine(WECOM_CALLS.listIntents),
	properties: [
		...returnAllProperties(),
		optionsCollection([
			{
				displayName: 'Group ID',
				name: 'groupId',
				type: 'string',
				default: '',
				description: 'Only the intents of this group',
			},
		]),
	],
	async execute({ itemIndex, client }) {
		const groupId = stringParam(this, itemIndex, 'options.groupId', { optional: true });
		return await listIntents(client, groupId, readLimit(this, itemIndex));
	},
};
