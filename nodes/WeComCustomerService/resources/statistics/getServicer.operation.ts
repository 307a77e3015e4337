import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { getStatistics } from '../../client/statistics';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId, readServicerUserId, servicerUserIdProperty } from '../shared';
import { dateRangeProperties, readStatisticDays } from './range';

export const getServicerStatistics: OperationDefinition = {
	option: {
		name: 'Get Servicer',
		value: 'getServicer',
		action: 'Get a servicer’s daily statistics',
		description:
			'One item per day of a servicer’s figures under WeCom’s names (reply rate, first_reply_average_sec, satisfaction…) with its date; any range, split into 31-day calls (kf/get_servicer_statistic)',
	},
	api: apiLine(WECOM_CALLS.servicerStatistics),
	properties: [openKfIdProperty(), servicerUserIdProperty(), ...dateRangeProperties, optionsCollection()],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		const servicerUserId = readServicerUserId(this, itemIndex);
		return await getStatistics(client, 'servicer', { openKfId, servicerUserId, ...readStatisticDays(this, itemIndex) });
	},
};
