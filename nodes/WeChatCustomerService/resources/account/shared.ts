import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { stringParam } from '../../actions/input';
import { legacyPassword, validateNickname, type AccountBody } from '../../client/accounts';
import type { WeChatResult } from '../../client/client';
import { readKfAccount } from '../shared';

export const kfAccountProperty: INodeProperties = {
	displayName: 'Account',
	name: 'kfAccount',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. alice@my_official_account',
	description:
		'The full customer-service account, prefix@OfficialAccountWeChatID (prefix: at most 10 letters, digits or underscores)',
};

export const nicknameProperty: INodeProperties = {
	displayName: 'Nickname',
	name: 'nickname',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 客服小美',
	description: 'Name shown to customers, at most 16 characters (a Chinese character or an emoji counts as one)',
};

export const passwordFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Password (Legacy)',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Legacy agent password, sent as the "password" field (current WeChat docs no longer list it)',
		},
		{
			displayName: 'Password Is Plain',
			name: 'passwordIsPlain',
			type: 'boolean',
			default: true,
			description:
				'Whether the password is plain text, sent as its MD5 hex digest; turn off when it already is an MD5 hex digest',
		},
	],
};

/** The add/update body: account, nickname and the optional legacy password. */
export function readAccountBody(ctx: IExecuteFunctions, i: number): AccountBody {
	const kfAccount = readKfAccount(ctx, i);
	const nickname = validateNickname(stringParam(ctx, i, 'nickname'));
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: AccountBody = { kf_account: kfAccount, nickname };
	const password = typeof extra.password === 'string' ? extra.password : '';
	if (password) {
		body.password = legacyPassword(password, extra.passwordIsPlain !== false, 'password');
	}
	return body;
}

/** `{kf_account, operation, success: true}` plus whatever WeChat returned besides errcode 0 / errmsg "ok". */
export function accountResult(kfAccount: string, operation: string, res: WeChatResult): IDataObject {
	const rest: IDataObject = {};
	for (const [key, value] of Object.entries(res)) {
		if (key !== 'errcode' && key !== 'errmsg') rest[key] = value as IDataObject[string];
	}
	return { kf_account: kfAccount, operation, success: true, ...rest };
}
