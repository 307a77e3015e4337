import { WeChatClient } from './client';
import type { KfAgent, KfOnlineAgent } from './types';

/** WeChat's customer-service (kf) API: one method per WeChat call. Knows nothing of n8n. */
export class KfClient extends WeChatClient {
	/** GET /cgi-bin/customservice/getkflist */
	async listAgents(): Promise<KfAgent[]> {
		const res = await this.call<{ kf_list?: KfAgent[] }>({
			method: 'GET',
			path: '/cgi-bin/customservice/getkflist',
			kind: 'read',
		});
		return res.kf_list ?? [];
	}

	/** GET /cgi-bin/customservice/getonlinekflist */
	async listOnlineAgents(): Promise<KfOnlineAgent[]> {
		const res = await this.call<{ kf_online_list?: KfOnlineAgent[] }>({
			method: 'GET',
			path: '/cgi-bin/customservice/getonlinekflist',
			kind: 'read',
		});
		return res.kf_online_list ?? [];
	}
}
