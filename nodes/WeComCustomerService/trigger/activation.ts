import type { IHookFunctions } from 'n8n-workflow';

import { readTriggerOptions } from './options';
import type { TriggerState } from './pull';

/**
 * WeCom has no API to register a callback URL (the admin pastes it in WeCom admin), so there is
 * nothing to create or delete. Activation reads every parameter, so that a bad one stops it with
 * the field named, and records when the workflow was activated for `startFrom: now` (n8n saves
 * static data after activation). A restart or a re-publish keeps the first activation time.
 */
export async function checkTriggerActivation(this: IHookFunctions): Promise<boolean> {
	readTriggerOptions(this);
	const state = this.getWorkflowStaticData('node') as TriggerState;
	if (state.activatedAt === undefined || this.getActivationMode() === 'activate') {
		state.activatedAt = Math.floor(Date.now() / 1000);
	}
	return true;
}
