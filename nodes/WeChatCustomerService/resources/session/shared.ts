import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { stringParam } from '../../actions/input';

/** The customer: their openid for this Official Account. Shared by sessions and messages. */
export const openidProperty: INodeProperties = {
	displayName: 'Customer OpenID',
	name: 'openid',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. oDF3iY9ffA-hqb2vVvbr7qxf6A0Q',
	description: 'The customer’s openid for this Official Account (from the message or event they sent)',
};

export const agentAccountProperty: INodeProperties = {
	displayName: 'Agent Account',
	name: 'kfAccount',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. alice@my_official_account',
	description: 'The agent’s full customer-service account, prefix@OfficialAccountWeChatID',
};

export function readOpenid(ctx: IExecuteFunctions, itemIndex: number): string {
	return stringParam(ctx, itemIndex, 'openid');
}

/** Output of a session change WeChat acknowledged with errcode 0. */
export function sessionChanged(kfAccount: string, openid: string): IDataObject {
	return { success: true, kf_account: kfAccount, openid };
}
