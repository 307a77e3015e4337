import type { IDataObject } from 'n8n-workflow';

import type { ZonedFormatter } from '../../../shared/zonedTime';
import type { KfCustomerSession, KfSessionListItem, KfWaitCaseList } from '../../client/sessions';

/** Output of a session change WeChat acknowledged with errcode 0. */
export function sessionChanged(kfAccount: string, openid: string): IDataObject {
	return { success: true, kf_account: kfAccount, openid };
}

/** WeChat's unix `createtime` plus `createtime_iso` in the workflow's time zone ("" when there is no session). */
export function withCreatetimeIso<T extends { createtime: number }>(item: T, zone: ZonedFormatter): T & { createtime_iso: string } {
	return { ...item, createtime_iso: item.createtime ? zone.iso(item.createtime) : '' };
}

/** Like the Go mp/dkf package's `Get`: the requested openid is copied into the result. */
export function customerSessionItem(openid: string, session: KfCustomerSession) {
	return { openid, kf_account: session.kf_account ?? '', createtime: session.createtime ?? 0 };
}

/** Like the Go mp/dkf package's `List`: kf_account is stamped into every session of that agent. */
export function agentSessionItems(kfAccount: string, list: KfSessionListItem[]) {
	return list.map((s) => ({ kf_account: kfAccount, openid: s.openid, createtime: s.createtime }));
}

/** One item per waiting customer, each carrying the total WeChat reports. */
export function waitCaseItems(res: KfWaitCaseList) {
	const list = res.waitcaselist ?? [];
	const count = typeof res.count === 'number' ? res.count : list.length;
	return list.map((w) => ({ openid: w.openid, latest_time: w.latest_time, count }));
}
