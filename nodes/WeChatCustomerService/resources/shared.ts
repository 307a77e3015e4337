import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ACCOUNT_PREFIX_MAX, ACCOUNT_SUFFIX_MAX, validateKfAccount, validateOpenid } from '../client/accounts';
import type { WeChatResult } from '../../shared/client/WeChatClient';
import type { OutcomeCheck } from '../../shared/errors';
import { stringParam } from '../../shared/execution/input';


type AccountRole = 'account' | 'newAccount' | 'agent' | 'sendAs';

const ACCOUNT_LABELS: Record<AccountRole, { displayName: string; description: string }> = {
	account: {
		displayName: 'Account',
		description:
			'The full customer-service account, prefix@OfficialAccountWeChatID (prefix: at most 10 letters, digits or underscores)',
	},
	newAccount: {
		displayName: 'Account',
		description:
			'The new full customer-service account, prefix@OfficialAccountWeChatID (prefix: at most 10 letters, digits or underscores)',
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
};

/** The editor's check of a typed account; the same rule as validateKfAccount, which runs before any request. */
const ACCOUNT_PATTERN = `[A-Za-z0-9_]{1,${ACCOUNT_PREFIX_MAX}}@[^@\\s]{1,${ACCOUNT_SUFFIX_MAX}}`;

/**
 * The `kfAccount` parameter (prefix@OfficialAccountWeChatID): one definition, labelled for its
 * role — the account an operation changes or creates, the agent of a session, or the optional
 * sender. A resource locator: *From List* (getkflist, searchable, nickname and account) or *By
 * ID* (the typed full account). Workflows saved when it was a plain string keep that string, which reads the
 * same way (see readKfAccount).
 */
export function kfAccountProperty(role: AccountRole = 'account'): INodeProperties {
	const optional = role === 'sendAs';
	// A new account is not in the list yet.
	const listed = role !== 'newAccount';
	return {
		...ACCOUNT_LABELS[role],
		name: 'kfAccount',
		type: 'resourceLocator',
		...(optional ? {} : { required: true }),
		default: { mode: listed ? 'list' : 'id', value: '' },
		modes: [
			...(listed
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							placeholder: 'Select an account…',
							typeOptions: {
								searchListMethod: role === 'agent' ? 'searchAgents' : 'searchAccounts',
								searchable: true,
							},
						},
					]
				: []),
			{
				// n8n labels a mode named "id" "By ID" whatever its displayName; the name stays (saved workflows hold it).
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. alice@my_official_account',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: optional ? `(${ACCOUNT_PATTERN})?` : ACCOUNT_PATTERN,
							errorMessage:
								'Enter the full account, prefix@OfficialAccountWeChatID (prefix: at most 10 letters, digits or underscores)',
						},
					},
				],
			},
		],
	};
}

/**
 * Reads and checks `kfAccount` of item `itemIndex`: a locator's value, or the plain string of a
 * workflow saved before the locator.
 */
export function readKfAccount(ctx: IExecuteFunctions, itemIndex: number, optional = false): string {
	const value = stringParam(ctx, itemIndex, 'kfAccount', { optional, extractValue: true });
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
	return validateOpenid(stringParam(ctx, itemIndex, 'openid'));
}

/** `{kf_account, operation, success: true}` plus whatever WeChat returned besides errcode 0 / errmsg "ok". */
export function accountResult(kfAccount: string, operation: string, res: WeChatResult): IDataObject {
	const rest: IDataObject = {};
	for (const [key, value] of Object.entries(res)) {
		if (key !== 'errcode' && key !== 'errmsg') rest[key] = value as IDataObject[string];
	}
	return { kf_account: kfAccount, operation, success: true, ...rest };
}


/** What an upload of temporary media may have done when its answer is lost (Media → Upload, Message → Send). */
export const MEDIA_UPLOAD_OUTCOME: OutcomeCheck = {
	done: 'stored the file',
	then: 'upload it again to get a media_id you can use (an unused one expires after 3 days)',
};
