// Upgrade service: hand a 微信客服 customer to a member (type 1) or a customer group (type 2)
// within the ranges configured in the admin console.
import type { ReceivedRequest, Route, SandboxContext } from '../../types';
import { ok, weComError } from '../errors';
import { body, corpOf, requiredString } from './common';

function config(req: ReceivedRequest, sb: SandboxContext) {
	return { json: ok(corpOf(req, sb).upgradeConfig) };
}

function upgrade(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const account = corp.managedAccount(b.open_kfid);
	const customer = corp.customer(b.external_userid);
	const key = `${account.open_kfid}|${customer.external_userid}`;
	if (b.type === 1) {
		const member = (b.member ?? {}) as Record<string, unknown>;
		const userid = requiredString(member, 'userid');
		const inRange = corp.upgradeConfig.member_range.userid_list.includes(userid) || (corp.members.get(userid)?.department ?? []).some((d) => corp.upgradeConfig.member_range.department_id_list.includes(d));
		if (!inRange) throw weComError(40058, 'member.userid is not in the member range');
		corp.upgrades.set(key, { type: 1, member });
	} else if (b.type === 2) {
		const groupchat = (b.groupchat ?? {}) as Record<string, unknown>;
		const chatId = requiredString(groupchat, 'chat_id');
		if (!corp.upgradeConfig.groupchat_range.chat_id_list.includes(chatId)) throw weComError(40058, 'groupchat.chat_id is not in the group range');
		corp.upgrades.set(key, { type: 2, groupchat });
	} else throw weComError(40058, 'type must be 1 or 2');
	return { json: ok() };
}

function cancel(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const account = corp.managedAccount(b.open_kfid);
	const customer = corp.customer(b.external_userid);
	if (!corp.upgrades.delete(`${account.open_kfid}|${customer.external_userid}`)) throw weComError(40058, 'no upgrade service to cancel');
	return { json: ok() };
}

export const weComUpgradeRoutes: Route[] = [
	{ method: 'GET', path: '/cgi-bin/kf/customer/get_upgrade_service_config', handler: config },
	{ method: 'POST', path: '/cgi-bin/kf/customer/upgrade_service', handler: upgrade },
	{ method: 'POST', path: '/cgi-bin/kf/customer/cancel_upgrade_service', handler: cancel },
];
