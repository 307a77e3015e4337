import { seedDemo } from './demo';
import { KfSandbox, type SandboxOptions } from './server';
import { seedWeComDemo } from './wecom';

export { KfSandbox } from './server';
export { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SANDBOX_PUSH, sandboxCredentialData, sandboxPushCredentialData } from './demoCredential';
export type { SandboxOptions } from './server';
export type { Fault, ReceivedRequest, Route } from './types';
export { WxError, wxError } from './errors';
export { SANDBOX_WECOM, SANDBOX_WECOM_PATHS, WECOM_DEMO, sendCallback, verifyCallbackUrl, weComCustomers, type Delivery, type DeliveryOptions } from './wecom';

/** Starts a sandbox on loopback (port 0 = any free port), optionally seeded with demo data. */
export async function startSandbox(options: SandboxOptions & { seed?: 'demo' | 'empty' } = {}): Promise<KfSandbox> {
	const sb = await new KfSandbox(options).start();
	if (options.seed === 'demo') seedDemo(sb);
	if (options.seed === 'demo') seedWeComDemo(sb);
	return sb;
}
