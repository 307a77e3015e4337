import type { WeComClient } from './WeComClient';
import { WECOM_CALLS } from './calls';

interface Session {
	open_kfid: string;
	external_userid: string;
}

/** Where a customer can be upgraded to: a member (type 1) or a customer group chat (type 2). */
export type UpgradeTarget = { type: 'member'; userid: string; wording: string } | { type: 'groupChat'; chatId: string; wording: string };

/** GET kf/customer/get_upgrade_service_config: the members, departments and group chats allowed. */
export async function getUpgradeConfig(client: WeComClient): Promise<Record<string, unknown>> {
	const answer = await client.readQuery(WECOM_CALLS.getUpgradeConfig.path, {});
	return { member_range: answer.member_range, groupchat_range: answer.groupchat_range };
}

/**
 * kf/customer/upgrade_service: offers the customer a member's contact card (type 1) or a customer
 * group chat (type 2) in the 微信客服 chat, with `wording` as the recommendation.
 */
export async function upgradeService(client: WeComClient, session: Session, target: UpgradeTarget): Promise<Record<string, unknown>> {
	const body =
		target.type === 'member'
			? { ...session, type: 1, member: { userid: target.userid, ...(target.wording ? { wording: target.wording } : {}) } }
			: { ...session, type: 2, groupchat: { chat_id: target.chatId, ...(target.wording ? { wording: target.wording } : {}) } };
	await client.write(WECOM_CALLS.upgradeService.path, body);
	return { success: true, ...body };
}

/** kf/customer/cancel_upgrade_service: withdraws the pending offer. */
export async function cancelUpgradeService(client: WeComClient, session: Session): Promise<Record<string, unknown>> {
	await client.write(WECOM_CALLS.cancelUpgrade.path, session);
	return { success: true, ...session };
}
