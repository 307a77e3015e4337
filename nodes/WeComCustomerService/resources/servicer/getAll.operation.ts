import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { describeServicer, listServicers } from '../../client/servicers';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId } from '../shared';

export const getAllServicers: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many servicers',
		description:
			'List the account’s servicers, one item each: members with their status (receiving or stopped, and whether stopped or suspended), then whole departments (kf/servicer/list)',
	},
	api: apiLine(WECOM_CALLS.listServicers),
	properties: [openKfIdProperty(), optionsCollection()],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		return (await listServicers(client, openKfId)).map((s) => describeServicer(openKfId, s));
	},
};
