import type { ResourceDefinition } from '../../execution/types';
import { recallMessageOperation } from './recall.operation';
import { sendMessageOperation } from './send.operation';
import { sendOnEvent } from './sendOnEvent.operation';
import { syncMessages } from './sync.operation';

export const messageResource: ResourceDefinition = {
	option: {
		name: 'Message',
		value: 'message',
		description: 'Send messages to customers, answer events, recall what was sent, pull what customers wrote',
	},
	defaultOperation: 'send',
	operations: [recallMessageOperation, sendMessageOperation, sendOnEvent, syncMessages],
};
