import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { getServiceState } from '../../client/sessions';
import type { OperationDefinition } from '../../execution/types';
import { externalUserIdProperty, openKfIdProperty, readExternalUserId, readOpenKfId } from '../shared';

export const getSessionState: OperationDefinition = {
	option: {
		name: 'Get State',
		value: 'getState',
		action: 'Get a session’s state',
		description:
			'Where a customer’s session is: 0 unhandled, 1 smart assistant, 2 waiting pool, 3 human servicer (with servicer_userid), 4 ended (kf/service_state/get)',
	},
	api: apiLine(WECOM_CALLS.getSessionState),
	properties: [openKfIdProperty(), externalUserIdProperty, optionsCollection()],
	async execute({ itemIndex, client }) {
		const session = { open_kfid: readOpenKfId(this, itemIndex), external_userid: readExternalUserId(this, itemIndex) };
		return await getServiceState(client, session);
	},
};
