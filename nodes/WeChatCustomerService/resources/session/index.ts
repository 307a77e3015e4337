import type { ResourceDefinition } from '../../execution/types';
import { closeSession } from './close.operation';
import { createSession } from './create.operation';
import { getSession } from './get.operation';
import { getAllSessions } from './getAll.operation';
import { getWaitingSessions } from './getWaiting.operation';

export const sessionResource: ResourceDefinition = {
	option: {
		name: 'Session',
		value: 'session',
		description: 'Who serves which customer: assign, close, and the waiting queue',
	},
	defaultOperation: 'create',
	operations: [closeSession, createSession, getSession, getAllSessions, getWaitingSessions],
};
