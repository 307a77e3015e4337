import type { ResourceDefinition } from '../../execution/types';
import { syncMessages } from './sync';

export const messageResource: ResourceDefinition = {
	option: { name: 'Message', value: 'message', description: 'Messages between customers and the 微信客服 accounts' },
	operations: [syncMessages],
};
