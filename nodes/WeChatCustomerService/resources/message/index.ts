import type { ResourceDefinition } from '../../execution/types';
import { sendMessage } from './send.operation';
import { sendTyping } from './typing.operation';

export const messageResource: ResourceDefinition = {
	option: {
		name: 'Message',
		value: 'message',
		description: 'Customer-service messages and the typing indicator',
	},
	operations: [sendMessage, sendTyping],
};
