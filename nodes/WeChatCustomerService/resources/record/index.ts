import type { ResourceDefinition } from '../../execution/types';
import { getAllRecords } from './getAll.operation';

export const recordResource: ResourceDefinition = {
	option: { name: 'Record', value: 'record', description: 'Chat records between customers and agents' },
	operations: [getAllRecords],
};
