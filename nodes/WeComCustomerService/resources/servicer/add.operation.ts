import { optionsCollection } from '../../../shared/execution/parameters';
import { changeServicers } from '../../client/servicers';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId } from '../shared';
import { readServicerIds, servicerIdProperties } from './ids';

export const addServicers: OperationDefinition = {
	option: {
		name: 'Add',
		value: 'add',
		action: 'Add servicers',
		description: 'Let members or whole departments receive the account’s customers; one item per ID with WeCom’s answer for it (kf/servicer/add, 100 IDs a call)',
	},
	api: 'POST /cgi-bin/kf/servicer/add',
	properties: [openKfIdProperty(), ...servicerIdProperties, optionsCollection()],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		return await changeServicers(client, 'add', openKfId, readServicerIds(this, itemIndex));
	},
};
