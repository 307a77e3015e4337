import type { IDataObject } from 'n8n-workflow';

import type { ZonedFormatter } from '../../../shared/zonedTime';

/** Output of a session change WeChat acknowledged with errcode 0. */
export function sessionChanged(kfAccount: string, openid: string): IDataObject {
	return { success: true, kf_account: kfAccount, openid };
}

/** WeChat's unix `createtime` plus `createtime_iso` in the workflow's time zone ("" when there is no session). */
export function withCreatetimeIso<T extends { createtime: number }>(item: T, zone: ZonedFormatter): T & { createtime_iso: string } {
	return { ...item, createtime_iso: item.createtime ? zone.iso(item.createtime) : '' };
}
