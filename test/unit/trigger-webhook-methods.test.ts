import type { IHookFunctions } from 'n8n-workflow';

import { WeChatCustomerServiceTrigger } from '../../nodes/WeChatCustomerService/WeChatCustomerServiceTrigger.node';

/** A hook context that records every property the method reads (helpers, credentials, static data…). */
function recordingContext(): { context: IHookFunctions; touched: string[] } {
	const touched: string[] = [];
	const context = new Proxy({} as IHookFunctions, {
		get(_target, property) {
			touched.push(String(property));
			throw new Error(`the webhook lifecycle read this.${String(property)}`);
		},
	});
	return { context, touched };
}

describe('trigger webhook lifecycle', () => {
	// WeChat has no API to register a Server URL: it is set in the Official Account console.
	it.each(['checkExists', 'create', 'delete'] as const)('%s answers true and reads nothing, so nothing is sent', async (method) => {
		const methods = new WeChatCustomerServiceTrigger().webhookMethods.default;
		const { context, touched } = recordingContext();
		await expect(methods[method].call(context)).resolves.toBe(true);
		expect(touched).toEqual([]);
	});

	it('has exactly the default group n8n calls', () => {
		expect(Object.keys(new WeChatCustomerServiceTrigger().webhookMethods)).toEqual(['default']);
		expect(Object.keys(new WeChatCustomerServiceTrigger().webhookMethods.default)).toEqual(['checkExists', 'create', 'delete']);
	});
});
