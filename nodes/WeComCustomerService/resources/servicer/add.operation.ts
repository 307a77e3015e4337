import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { changeServicers } from '../../client/servicers';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId } from '../shared';
import { servicerChangeItems } from './changeRows';
import { readServicerIds, servicerIdProperties } from './ids';

export const addServicers: OperationDefinition = {
	option: {
		name: 'Add',
		value: 'add',
		action: 'Add servicers',
		description: 'Let members or whole departments receive the account’s customers; one item per ID with WeCom’s answer for it (kf/servicer/add, 100 IDs a call)',
	},
	api: apiLine(WECOM_CALLS.addServicers),
	outcome: {
		[WECOM_CALLS.addServicers.path]: { done: 'added the servicers', then: 'check with Servicer → Get Many before running it again' },
	},
	properties: [openKfIdProperty(), ...servicerIdProperties, optionsCollection()],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		return servicerChangeItems(openKfId, 'add', await changeServicers(client, 'add', openKfId, readServicerIds(this, itemIndex)));
	},
};
