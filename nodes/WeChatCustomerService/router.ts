import { routerFor } from '../shared/execution/router';
import { n8nTransport } from '../shared/execution/transport';
import { createKfClient } from './client/createClient';
import { officialAccountCredentials } from './execution/credentials';
import { DEFAULT_RESOURCE, RESOURCES } from './resources';
import { NODE_REFUSALS } from './resources/refusals';

/** Dispatches resource × operation over the input items. */
export const route = routerFor({
	resources: RESOURCES,
	defaultResource: DEFAULT_RESOURCE,
	refusals: NODE_REFUSALS,
	createClient: async (ctx) =>
		createKfClient(await officialAccountCredentials(ctx), n8nTransport(ctx), { signal: ctx.getExecutionCancelSignal() }),
});
