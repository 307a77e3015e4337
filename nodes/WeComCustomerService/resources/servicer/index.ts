import type { ResourceDefinition } from '../../execution/types';
import { addServicers } from './add';
import { getAllServicers } from './getAll';
import { removeServicers } from './remove';

export const servicerResource: ResourceDefinition = {
	option: { name: 'Servicer', value: 'servicer', description: 'The WeCom members who receive an account’s customers' },
	defaultOperation: 'getAll',
	operations: [addServicers, getAllServicers, removeServicers],
};
