import type { ResourceDefinition } from '../../execution/types';
import { recallMessageOperation } from './recall';
import { sendMessageOperation } from './send';
import { sendOnEvent } from './sendOnEvent';

export const messageResource: ResourceDefinition = {
	option: { name: 'Message', value: 'message', description: 'Send messages to customers, answer events, recall what was sent' },
	defaultOperation: 'send',
	operations: [
		recallMessageOperation,
		sendMessageOperation,
		sendOnEvent,
	],
};
