import type { Route } from '../../types';
import { weComAccountRoutes } from './accounts';
import { weComKnowledgeRoutes } from './knowledge';
import { weComMessageRoutes } from './messages';
import { weComSandboxRoutes } from './sandbox';
import { weComServicerRoutes } from './servicers';
import { weComSessionRoutes } from './sessions';
import { weComStatisticRoutes } from './statistics';
import { weComSyncRoutes } from './sync';
import { weComTokenRoutes } from './tokens';
import { weComUpgradeRoutes } from './upgrade';

export { withWeComMedia } from './media';

/** Every 微信客服 path (media/upload and media/get come through `withWeComMedia`). */
export const WECOM_ROUTES: Route[] = [
	...weComTokenRoutes,
	...weComAccountRoutes,
	...weComServicerRoutes,
	...weComSessionRoutes,
	...weComMessageRoutes,
	...weComSyncRoutes,
	...weComStatisticRoutes,
	...weComKnowledgeRoutes,
	...weComUpgradeRoutes,
	...weComSandboxRoutes,
];
