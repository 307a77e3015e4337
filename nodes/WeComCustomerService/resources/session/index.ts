import type { ResourceDefinition } from '../../execution/types';
import { getSessionState } from './getState.operation';
import { transferSessionOperation } from './transfer.operation';

export const sessionResource: ResourceDefinition = {
	option: {
		name: 'Session',
		value: 'session',
		description: 'Who serves a customer: the smart assistant, the waiting pool, a human servicer',
	},
	defaultOperation: 'transfer',
	operations: [getSessionState, transferSessionOperation],
};
