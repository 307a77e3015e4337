import type { Route } from '../types';
import { accountRoutes } from './accounts';
import { agentRoutes } from './agents';
import { recordRoutes } from './records';
import { tokenRoutes } from './tokens';

/** Every path the sandbox serves. Each feature adds its own route file here. */
export const ALL_ROUTES: Route[] = [...tokenRoutes, ...agentRoutes, ...recordRoutes, ...accountRoutes];
