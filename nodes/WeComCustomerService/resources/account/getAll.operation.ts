import { optionsCollection, readLimit, returnAllProperties } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { listAccounts } from '../../client/accounts';
import type { OperationDefinition } from '../../execution/types';

export const getAllAccounts: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many accounts',
		description: 'List the 微信客服 accounts, one item per account (kf/account/list, paged automatically)',
	},
	api: apiLine(WECOM_CALLS.listAccounts),
	properties: [...returnAllProperties(), optionsCollection()],
	async execute({ itemIndex, client }) {
		return await listAccounts(client, readLimit(this, itemIndex));
	},
};
