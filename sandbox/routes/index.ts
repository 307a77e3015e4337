import type { Route } from '../types';
import { WECOM_ROUTES, withWeComMedia } from '../wecom/routes';
import { accountRoutes } from './accounts';
import { agentRoutes } from './agents';
import { mediaRoutes } from './media';
import { messageRoutes } from './messages';
import { pushRoutes } from './push';
import { recordRoutes } from './records';
import { sessionRoutes } from './sessions';
import { tokenRoutes } from './tokens';
import { tokenServerRoutes } from './tokenServer';

/** Every path the sandbox serves. Each feature adds its own route file here. */
export const ALL_ROUTES: Route[] = [...withWeComMedia([...tokenRoutes, ...agentRoutes, ...recordRoutes, ...accountRoutes, ...sessionRoutes, ...messageRoutes, ...mediaRoutes, ...pushRoutes, ...tokenServerRoutes]), ...WECOM_ROUTES];
