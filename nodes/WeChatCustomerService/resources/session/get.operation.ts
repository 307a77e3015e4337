import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { OperationDefinition } from '../../execution/types';
import { openidProperty, readOpenid } from '../shared';
import { optionsCollection, workflowTimeFormatter } from '../../../shared/execution/parameters';
import { withCreatetimeIso, customerSessionItem } from './shared';

export const getSession: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a customer’s session',
		description:
			'Which agent serves a customer now; kf_account is empty when nobody does (kfsession/getsession)',
	},
	api: apiLine(KF_CALLS.getSession),
	properties: [openidProperty, optionsCollection()],
	async execute({ itemIndex, client }) {
		const openid = readOpenid(this, itemIndex);
		const zone = workflowTimeFormatter(this);
		return withCreatetimeIso(customerSessionItem(openid, await client.getSession(openid)), zone);
	},
};
