import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import { sleep } from 'n8n-workflow';

import type { HttpTransport } from '../../nodes/shared/transport/http';
import { helperTransport, type HttpRequestHelper } from '../../nodes/shared/transport/n8nRequest';

/**
 * The transport a node run gets, for tests that build a client without a workflow: n8n-core's
 * own request function (what `helpers.httpRequest` calls, SSRF protection and proxy agents
 * included) and n8n-workflow's sleep.
 */
export function n8nHelperTransport(): HttpTransport {
	return helperTransport(n8nHttpRequest, sleep);
}

/** What n8n-core's `helpers.httpRequest` calls. */
export const n8nHttpRequest: HttpRequestHelper = async (options) =>
	await Container.get(OutboundHttp).requests().request(options as never);
