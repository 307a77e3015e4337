import type { IDataObject } from 'n8n-workflow';

/** Output of a session change WeChat acknowledged with errcode 0. */
export function sessionChanged(kfAccount: string, openid: string): IDataObject {
	return { success: true, kf_account: kfAccount, openid };
}
