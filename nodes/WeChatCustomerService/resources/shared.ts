import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { validateKfAccount } from '../client/accounts';
import type { WeChatResult } from '../client/WeChatClient';
import { concurrencyOption } from '../execution/concurrency';
import { stringParam } from '../execution/input';

/** The "Options" collection of an operation: `extra` options plus Concurrency. */
export function optionsCollection(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...extra, concurrencyOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * The `kfAccount` parameter (prefix@OfficialAccountWeChatID): one definition, labelled for its
 * role — the account an operation changes, the agent of a session, or the optional sender.
 */
export function kfAccountProperty(role: 'account' | 'agent' | 'sendAs' = 'account'): INodeProperties {
	const label = {
		account: {
			displayName: 'Account',
			description:
				'The full customer-service account, prefix@OfficialAccountWeChatID (prefix: at most 10 letters, digits or underscores)',
		},
		agent: {
			displayName: 'Agent Account',
			description: 'The agent’s full customer-service account, prefix@OfficialAccountWeChatID',
		},
		sendAs: {
			displayName: 'Send as Agent',
			description:
				'Optional full account of the agent to send as (their nickname and avatar are shown); empty sends as the Official Account',
		},
	}[role];
	return {
		displayName: label.displayName,
		name: 'kfAccount',
		type: 'string',
		...(role === 'sendAs' ? {} : { required: true }),
		default: '',
		placeholder: 'e.g. alice@my_official_account',
		description: label.description,
	};
}

/** Reads and checks the `kfAccount` parameter (prefix@OfficialAccountWeChatID) of item `itemIndex`. */
export function readKfAccount(ctx: IExecuteFunctions, itemIndex: number, optional = false): string {
	const value = stringParam(ctx, itemIndex, 'kfAccount', { optional });
	return value ? validateKfAccount(value, 'kfAccount') : value;
}

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

export function readOpenid(ctx: IExecuteFunctions, itemIndex: number): string {
	return stringParam(ctx, itemIndex, 'openid');
}

/** `{kf_account, operation, success: true}` plus whatever WeChat returned besides errcode 0 / errmsg "ok". */
export function accountResult(kfAccount: string, operation: string, res: WeChatResult): IDataObject {
	const rest: IDataObject = {};
	for (const [key, value] of Object.entries(res)) {
		if (key !== 'errcode' && key !== 'errmsg') rest[key] = value as IDataObject[string];
	}
	return { kf_account: kfAccount, operation, success: true, ...rest };
}
