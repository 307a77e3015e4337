import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { changeServicers } from '../../client/servicers';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId } from '../shared';
import { servicerChangeItems } from './changeRows';
import { readServicerIds, servicerIdProperties } from './ids';

export const removeServicers: OperationDefinition = {
	option: {
		name: 'Remove',
		value: 'remove',
		action: 'Remove servicers',
		description: 'Stop members or whole departments from receiving the account’s customers; one item per ID with WeCom’s answer for it (kf/servicer/del, 100 IDs a call)',
	},
	api: apiLine(WECOM_CALLS.removeServicers),
	outcome: {
		[WECOM_CALLS.removeServicers.path]: { done: 'removed the servicers', then: 'check with Servicer → Get Many before running it again' },
	},
	properties: [openKfIdProperty(), ...servicerIdProperties, optionsCollection()],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		return servicerChangeItems(openKfId, 'del', await changeServicers(client, 'del', openKfId, readServicerIds(this, itemIndex)));
	},
};
