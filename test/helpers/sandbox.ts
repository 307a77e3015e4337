import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { useDefaultRetry } from '../../nodes/shared/client/WeChatClient';
import { tokenServers } from '../../nodes/WeChatCustomerService/client/tokens';
import { sandboxCredentialData, startSandbox, type KfSandbox } from '../../sandbox';

export const CREDENTIAL_TYPE = 'weChatOfficialAccountApi';

/** Credential data pointing at a sandbox (stable token by default). */
export function sandboxCredential(
	sb: KfSandbox,
	overrides: ICredentialDataDecryptedObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		[CREDENTIAL_TYPE]: { ...sandboxCredentialData(sb.url, 10), proxyUrl: '', ...overrides },
	};
}

/**
 * Per-test-file sandbox: fresh state and an empty token cache before each test, the node's
 * token clock tied to the sandbox clock, and short retry delays.
 */
export function useSandbox(seed: 'demo' | 'empty' = 'demo') {
	const ctx = { sb: undefined as unknown as KfSandbox };
	beforeEach(async () => {
		ctx.sb = await startSandbox({ seed });
		tokenServers.clear();
		tokenServers.now = () => ctx.sb.clock.nowMs();
		useDefaultRetry({ maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 });
	});
	afterEach(async () => {
		await ctx.sb.stop();
		tokenServers.now = Date.now;
		useDefaultRetry();
	});
	afterAll(async () => {
	});
	return ctx;
}
