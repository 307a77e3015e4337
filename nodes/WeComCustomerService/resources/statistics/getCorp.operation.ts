import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { getStatistics } from '../../client/statistics';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId } from '../shared';
import { dateRangeProperties, readStatisticDays } from './range';

export const getCorpStatistics: OperationDefinition = {
	option: {
		name: 'Get Corp',
		value: 'getCorp',
		action: 'Get an account’s daily statistics',
		description:
			'One item per day of an account’s figures under WeCom’s names (sessions, customers, messages, smart-assistant rates…) with its date; any range, split into 31-day calls (kf/get_corp_statistic)',
	},
	api: apiLine(WECOM_CALLS.corpStatistics),
	properties: [openKfIdProperty(), ...dateRangeProperties, optionsCollection()],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		return await getStatistics(client, 'corp', { openKfId, ...readStatisticDays(this, itemIndex) });
	},
};
