import type { ResourceDefinition } from '../../execution/types';
import { sendMessage } from './send';
import { sendTyping } from './typing';

export const messageResource: ResourceDefinition = {
	option: {
		name: 'Message',
		value: 'message',
		description: 'Customer-service messages and the typing indicator',
	},
	operations: [sendMessage, sendTyping],
};
