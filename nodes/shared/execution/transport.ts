import { sleep, type IExecuteFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';

import { helperTransport, type HttpRequestHelper } from '../transport/n8nRequest';
import type { HttpTransport } from '../transport/http';

/** The client's transport over this node's `helpers.httpRequest` and n8n-workflow's `sleep`. */
export function n8nTransport(ctx: IExecuteFunctions | ILoadOptionsFunctions): HttpTransport {
	return helperTransport(ctx.helpers.httpRequest as unknown as HttpRequestHelper, sleep);
}
