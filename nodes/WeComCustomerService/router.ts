import { routerFor } from '../shared/execution/router';
import { n8nTransport } from '../shared/execution/transport';
import { createWeComClient } from './client/settings';
import { weComCredentials } from './execution/credentials';
import { DEFAULT_RESOURCE, RESOURCES } from './resources';
import { NODE_REFUSALS } from './resources/refusals';

/** Dispatches resource × operation over the input items. */
export const route = routerFor({
	resources: RESOURCES,
	defaultResource: DEFAULT_RESOURCE,
	refusals: NODE_REFUSALS,
	createClient: async (ctx) =>
		createWeComClient(await weComCredentials(ctx), n8nTransport(ctx), { signal: ctx.getExecutionCancelSignal() }),
});
