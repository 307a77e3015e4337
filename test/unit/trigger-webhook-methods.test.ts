import type { IHookFunctions, INode } from 'n8n-workflow';

import { WeChatCustomerServiceTrigger } from '../../nodes/WeChatCustomerService/WeChatCustomerServiceTrigger.node';

/** What activation may read: the node, its parameters, the workflow and its time zone. Nothing that sends. */
const READABLE = new Set(['getNodeParameter', 'getNode', 'getWorkflow', 'getTimezone']);

/** A hook context with valid default parameters that records every property the method reads. */
function recordingContext(): { context: IHookFunctions; touched: string[] } {
	const touched: string[] = [];
	const parameters: Record<string, unknown> = { events: ['*'], reply: 'acknowledge', 'options.maxAgeSeconds': 300, options: {} };
	const node = { id: 'n1', name: 'WeChat Customer Service Trigger', parameters: {} } as unknown as INode;
	const methods: Record<string, unknown> = {
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getNode: () => node,
		getWorkflow: () => ({ id: 'wf1' }),
		getTimezone: () => 'Asia/Shanghai',
	};
	const context = new Proxy({} as IHookFunctions, {
		get(_target, property) {
			touched.push(String(property));
			if (!READABLE.has(String(property))) throw new Error(`the webhook lifecycle read this.${String(property)}`);
			return methods[String(property)];
		},
	});
	return { context, touched };
}

describe('trigger webhook lifecycle', () => {
	// WeChat has no API to register a Server URL: it is set in the Official Account console.
	it.each(['checkExists', 'create', 'delete'] as const)('%s answers true and reads only parameters, so nothing is sent', async (method) => {
		const methods = new WeChatCustomerServiceTrigger().webhookMethods.default;
		const { context, touched } = recordingContext();
		await expect(methods[method].call(context)).resolves.toBe(true);
		expect(touched.filter((property) => !READABLE.has(property))).toEqual([]);
	});

	it('has exactly the default group n8n calls', () => {
		expect(Object.keys(new WeChatCustomerServiceTrigger().webhookMethods)).toEqual(['default']);
		expect(Object.keys(new WeChatCustomerServiceTrigger().webhookMethods.default)).toEqual(['checkExists', 'create', 'delete']);
	});
});
