import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { stringParam } from '../../../shared/execution/input';
import { legacyPassword, validateNickname, type AccountBody } from '../../client/accounts';
import { readKfAccount } from '../shared';

export const nicknameProperty: INodeProperties = {
	displayName: 'Nickname',
	name: 'nickname',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Support Amy',
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
