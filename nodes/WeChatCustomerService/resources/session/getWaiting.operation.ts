import { waitCaseItems } from './shared';
import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { OperationDefinition } from '../../execution/types';
import { optionsCollection } from '../../../shared/execution/parameters';

export const getWaitingSessions: OperationDefinition = {
	option: {
		name: 'Get Waiting',
		value: 'getWaiting',
		action: 'Get waiting customers',
		description:
			'Customers waiting for an agent, longest-waiting first (at most the 100 earliest); each item carries the total count (kfsession/getwaitcase)',
	},
	api: apiLine(KF_CALLS.listWaitCases),
	properties: [optionsCollection()],
	async execute({ client }) {
		return waitCaseItems(await client.listWaitCases());
	},
};
