import type { Route } from '../../types';
import { ok } from '../errors';

/** GET /cgi-bin/gettoken?corpid=&corpsecret= */
export const weComTokenRoutes: Route[] = [
	{
		method: 'GET',
		path: '/cgi-bin/gettoken',
		handler: (req, sb) => ({ json: ok(sb.state.wecom.issueToken(req.query.corpid ?? '', req.query.corpsecret ?? '')) }),
	},
];
