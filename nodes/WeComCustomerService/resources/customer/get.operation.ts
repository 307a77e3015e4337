import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { getCustomers } from '../../client/customers';
import type { OperationDefinition } from '../../execution/types';

/** An external_userid: at most 64 of letters, digits, _ and - (`wm…`). */
const EXTERNAL_USERID = /^[A-Za-z0-9_-]{1,64}$/;

/** The note of an id WeCom does not know, in plain words. */
export const UNKNOWN_CUSTOMER_NOTE =
	'WeCom does not know this customer: the external_userid is mistyped, belongs to another company, or has never contacted a 微信客服 account of this company';

/** The ids of item `i`: a list (from an expression), or text separated by commas, spaces or new lines; repeats dropped. */
function readIds(ctx: IExecuteFunctions, i: number): string[] {
	const raw = ctx.getNodeParameter('externalUserIds', i, '') as unknown;
	const parts = Array.isArray(raw) ? raw.map((v) => String(v ?? '')) : typeof raw === 'string' || typeof raw === 'number' ? String(raw).split(/[\s,，;]+/) : undefined;
	if (!parts) throw inputError('externalUserIds', `must be a list of ids or text, got ${typeof raw}`);
	const ids = [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
	if (ids.length === 0) throw inputError('externalUserIds', 'is required but empty');
	const bad = ids.find((id) => !EXTERNAL_USERID.test(id));
	if (bad !== undefined) throw inputError('externalUserIds', `holds "${bad}", which is not an external_userid (letters, digits, _ and -, at most 64)`);
	return ids;
}

export const getCustomer: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get customers',
		description:
			'Get the nickname, avatar, gender and unionid of customers by external_userid, any number at once (kf/customer/batchget, 100 a call); one item per customer',
	},
	api: `${apiLine(WECOM_CALLS.getCustomers)} (100 ids a call)`,
	properties: [
		{
			displayName: 'Customer External User IDs',
			name: 'externalUserIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.external_userid }}',
			description: 'One or more external_userids, separated by commas or new lines, or a list from an expression',
		},
		{
			displayName: 'Include Enter Session Context',
			name: 'needEnterSessionContext',
			type: 'boolean',
			default: false,
			description: 'Whether to add enter_session_context: the scene, scene_param and 视频号 the customer last came from',
		},
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const ids = readIds(this, itemIndex);
		const withContext = this.getNodeParameter('needEnterSessionContext', itemIndex, false) === true;
		const { customers, invalid } = await getCustomers(client, ids, withContext);
		const found = new Map(customers.map((c) => [c.external_userid, c]));
		const unknown = new Set(invalid);
		// One item per id asked for, in the order given.
		return ids.flatMap((id): IDataObject[] => {
			const customer = found.get(id);
			if (customer) return [customer as IDataObject];
			return [{ external_userid: id, invalid: true, note: unknown.has(id) ? UNKNOWN_CUSTOMER_NOTE : 'WeCom answered nothing for this external_userid' }];
		});
	},
};
