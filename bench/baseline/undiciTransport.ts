// The benchmark's baseline only: the node as it was before its requests went through n8n's
// request helper, i.e. with undici (a devDependency) in place of `helpers.httpRequest`. The
// node runs unchanged through WorkflowExecute; only the helper it is handed differs.
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { Agent, request, type Dispatcher } from 'undici';

import { WeChatCustomerService } from '../../nodes/WeChatCustomerService/WeChatCustomerService.node';
import type { HelperRequestOptions } from '../../nodes/shared/transport/n8nRequest';

// One keep-alive pool, as the undici transport had.
const dispatcher: Dispatcher = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 });

/** `helpers.httpRequest` as the undici transport did it: one request, the body as a stream. */
async function undiciHttpRequest(options: HelperRequestOptions): Promise<unknown> {
	const res = await request(options.url, {
		method: options.method,
		headers: options.headers,
		body: options.body,
		signal: options.abortSignal,
		dispatcher,
	});
	return { statusCode: res.statusCode, headers: res.headers, body: res.body };
}

/** The WeChat node, its helpers' httpRequest replaced by the undici baseline. */
export class UndiciBaselineNode extends WeChatCustomerService implements INodeType {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const helpers = { ...this.helpers, httpRequest: undiciHttpRequest };
		const context = new Proxy(this, {
			get(target, key) {
				if (key === 'helpers') return helpers;
				const value = Reflect.get(target, key, target) as unknown;
				return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
			},
		});
		return await WeChatCustomerService.prototype.execute.call(context as IExecuteFunctions);
	}
}

export async function closeBaselinePool(): Promise<void> {
	await dispatcher.close();
}
