// The callback credential's test (shape only, nothing sent) and the trigger's activation.
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { weComCustomerServiceCallbackApiTest } from '../../nodes/WeComCustomerService/methods/callbackCredentialTest';
import { WeComCustomerServiceCallbackApi } from '../../credentials/WeComCustomerServiceCallbackApi.credentials';
import { WeComCustomerServiceTrigger } from '../../nodes/WeComCustomerService/WeComCustomerServiceTrigger.node';
import { useSandbox } from '../helpers/sandbox';
import { CALLBACK_CREDENTIAL, TriggerHarness } from './trigger.harness';

const ctx = useSandbox('demo');

async function test(data: Record<string, string>) {
	return await weComCustomerServiceCallbackApiTest.call({} as ICredentialTestFunctions, { id: '1', name: 'c', type: 'weComCustomerServiceCallbackApi', data });
}

describe('WeCom Customer Service Callback API credential', () => {
	it('masks the Token and both keys, and is tested by the trigger', () => {
		const fields = new WeComCustomerServiceCallbackApi().properties.map((p) => [p.name, p.typeOptions?.password === true, p.required === true]);
		expect(fields).toEqual([
			['token', true, true],
			['encodingAESKey', true, true],
			['corpId', false, true],
			['previousEncodingAESKey', true, false],
		]);
		const trigger = new WeComCustomerServiceTrigger().description;
		expect(trigger.credentials).toEqual([
			{ name: 'weComCustomerServiceCallbackApi', required: true, testedBy: 'weComCustomerServiceCallbackApiTest' },
			{ name: 'weComCustomerServiceApi', required: true, testedBy: 'weComCustomerServiceApiTest' },
		]);
	});

	it('accepts the sandbox’s callback configuration', async () => {
		expect(await test(CALLBACK_CREDENTIAL as Record<string, string>)).toEqual({
			status: 'OK',
			message: 'Token, EncodingAESKey and CorpID look right (checked here, nothing was sent)',
		});
	});

	it('names every field that is wrong', async () => {
		expect(await test({ token: 'bad token!', encodingAESKey: 'short', corpId: '', previousEncodingAESKey: `${'a'.repeat(42)}-` })).toEqual({
			status: 'Error',
			message:
				'The Token must be 1 to 32 letters and digits, as in WeCom admin. The EncodingAESKey must be 43 characters long, not 5. The Previous EncodingAESKey may hold only letters a–z, A–Z and digits. The CorpID is empty',
		});
		expect(await test({ token: '', encodingAESKey: '', corpId: 'ww-1' })).toEqual({
			status: 'Error',
			message: 'The Token is empty. The EncodingAESKey is empty. The CorpID may hold only letters and digits, e.g. ww1234567890abcdef',
		});
	});
});

describe('activation', () => {
	it('records when the workflow was activated; a restart keeps it, a new activation renews it', async () => {
		const harness = new TriggerHarness(ctx.sb, {});
		const now = jest.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
		await harness.activate();
		expect(harness.database).toEqual({ 'node:WeCom Customer Service Trigger': { activatedAt: 1_800_000_000 } });
		now.mockReturnValue(1_800_000_100_000);
		await harness.activate('init');
		await harness.activate('update');
		expect(harness.database).toEqual({ 'node:WeCom Customer Service Trigger': { activatedAt: 1_800_000_000 } });
		await harness.activate('activate');
		expect(harness.database).toEqual({ 'node:WeCom Customer Service Trigger': { activatedAt: 1_800_000_100 } });
		now.mockRestore();
	});

	it('stops on a bad parameter, naming it', async () => {
		const harness = new TriggerHarness(ctx.sb, { openKfIds: 'wkGood, not an id!' });
		await expect(harness.activate()).rejects.toThrow('"Account IDs" holds "not an id!", which is not an open_kfid (letters, digits, _ and -, at most 64)');
	});
});
