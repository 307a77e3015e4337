import { optionsCollection } from '../../../shared/execution/parameters';
import { changeServicers } from '../../client/servicers';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId } from '../shared';
import { readServicerIds, servicerIdProperties } from './ids';

export const removeServicers: OperationDefinition = {
	option: {
		name: 'Remove',
		value: 'remove',
		action: 'Remove servicers',
		description: 'Stop members or whole departments from receiving the account’s customers; one item per ID with WeCom’s answer for it (kf/servicer/del, 100 IDs a call)',
	},
	api: 'POST /cgi-bin/kf/servicer/del',
	properties: [openKfIdProperty(), ...servicerIdProperties, optionsCollection()],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		return await changeServicers(client, 'del', openKfId, readServicerIds(this, itemIndex));
	},
};
