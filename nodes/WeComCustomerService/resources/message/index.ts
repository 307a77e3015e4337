import type { ResourceDefinition } from '../../execution/types';
import { recallMessageOperation } from './recall';
import { sendMessageOperation } from './send';
import { sendOnEvent } from './sendOnEvent';
import { syncMessages } from './sync';

export const messageResource: ResourceDefinition = {
	option: {
		name: 'Message',
		value: 'message',
		description: 'Send messages to customers, answer events, recall what was sent, pull what customers wrote',
	},
	defaultOperation: 'send',
	operations: [recallMessageOperation, sendMessageOperation, sendOnEvent, syncMessages],
};
