import type { OperationDefinition } from '../../execution/types';
import { waitCaseItems } from '../../client/sessions';
import { optionsCollection } from '../shared';

export const getWaitingSessions: OperationDefinition = {
	option: {
		name: 'Get Waiting',
		value: 'getWaiting',
		action: 'Get waiting customers',
		description:
			'Customers waiting for an agent, longest-waiting first (at most the 100 earliest); each item carries the total count (kfsession/getwaitcase)',
	},
	api: 'GET /customservice/kfsession/getwaitcase',
	properties: [optionsCollection()],
	async execute({ client }) {
		return waitCaseItems(await client.listWaitCases());
	},
};
