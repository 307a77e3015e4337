import type { KfAgent, KfOnlineAgent } from './types';

/**
 * Like the Go mp/dkf package's `KfInfo.HeadImageSize`: the last path segment of the avatar URL is the square
 * size, 0 meaning 640. No avatar gives null; so does a URL that package would call invalid,
 * because one odd URL should not fail a whole agent list.
 */
export function headImageSize(url: string | undefined | null): number | null {
	if (!url) return null;
	const slash = url.lastIndexOf('/');
	if (slash === -1 || slash === url.length - 1) return null;
	const tail = url.slice(slash + 1);
	if (!/^[+-]?\d+$/.test(tail)) return null;
	const size = Number.parseInt(tail, 10);
	return size === 0 ? 640 : size;
}

/** getonlinekflist `status`: 1 = PC, 2 = mobile, 3 = both (1 + 2). */
export function onlineStatusName(status: number): 'pc' | 'mobile' | 'pc_and_mobile' | 'unknown' {
	switch (status) {
		case 1:
			return 'pc';
		case 2:
			return 'mobile';
		case 3:
			return 'pc_and_mobile';
		default:
			return 'unknown';
	}
}

type AgentWithSize = KfAgent & { head_image_size: number | null };
type OnlineAgentWithStatus = KfOnlineAgent & { status_name: string };

export function withHeadImageSize(agent: KfAgent): AgentWithSize {
	return { ...agent, head_image_size: headImageSize(agent.kf_headimgurl) };
}

export function withStatusName(agent: KfOnlineAgent): OnlineAgentWithStatus {
	return { ...agent, status_name: onlineStatusName(agent.status) };
}
