import type { ResourceDefinition } from '../../execution/types';
import { addServicers } from './add.operation';
import { getAllServicers } from './getAll.operation';
import { removeServicers } from './remove.operation';

export const servicerResource: ResourceDefinition = {
	option: { name: 'Servicer', value: 'servicer', description: 'The WeCom members who receive an account’s customers' },
	defaultOperation: 'getAll',
	operations: [addServicers, getAllServicers, removeServicers],
};
