import type { ResourceDefinition } from '../../execution/types';
import { closeSession } from './close';
import { createSession } from './create';
import { getSession } from './get';
import { getAllSessions } from './getAll';
import { getWaitingSessions } from './getWaiting';

export const sessionResource: ResourceDefinition = {
	option: {
		name: 'Session',
		value: 'session',
		description: 'Who serves which customer: assign, close, and the waiting queue',
	},
	defaultOperation: 'create',
	operations: [closeSession, createSession, getSession, getAllSessions, getWaitingSessions],
};
