import type { ResourceDefinition } from '../../execution/types';
import { getCorpStatistics } from './getCorp.operation';
import { getServicerStatistics } from './getServicer.operation';

export const statisticsResource: ResourceDefinition = {
	option: { name: 'Statistics', value: 'statistics', description: 'Daily figures of an account and of its servicers' },
	operations: [getCorpStatistics, getServicerStatistics],
};
