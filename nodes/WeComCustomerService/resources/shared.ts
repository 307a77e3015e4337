// Parameters more than one WeCom resource uses: the kf account, the servicer, the customer.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, stringParam } from '../../shared/execution/input';

/** open_kfid: WeCom's ids are at most 64 bytes (`wk…`). */
const OPEN_KFID_PATTERN = '[A-Za-z0-9_-]{1,64}';
/** A member's userid: 1–64 bytes of letters, digits and _-.@ (WeCom's rule for userids). */
export const USERID_PATTERN = '[A-Za-z0-9_.@-]{1,64}';

/**
 * `openKfId`, the 微信客服 account: a resource locator, From List (kf/account/list, searchable
 * by name) or By ID (the open_kfid).
 */
export function openKfIdProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Account',
		name: 'openKfId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The 微信客服 account (its open_kfid)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an account…',
				typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q',
				validation: [
					{ type: 'regex', properties: { regex: OPEN_KFID_PATTERN, errorMessage: 'Enter an open_kfid: letters, digits, _ and -, at most 64' } },
				],
			},
		],
		...overrides,
	} as INodeProperties;
}

/** Reads and checks the `openKfId` locator (or a plain string) of item `itemIndex`. */
export function readOpenKfId(ctx: IExecuteFunctions, itemIndex: number, name = 'openKfId'): string {
	const value = stringParam(ctx, itemIndex, name, { extractValue: true });
	if (!new RegExp(`^${OPEN_KFID_PATTERN}$`).test(value)) {
		throw inputError(name, `must be an open_kfid (letters, digits, _ and -, at most 64), got "${value}"`);
	}
	return value;
}

/**
 * `servicerUserId`, a servicer (a WeCom member who receives for the account): From List
 * (kf/servicer/list of the chosen account, receiving first) or By ID (the userid).
 */
export function servicerUserIdProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Servicer',
		name: 'servicerUserId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The WeCom member who serves the customer (their userid)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a servicer…',
				typeOptions: { searchListMethod: 'searchServicers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. zhangsan',
				validation: [
					{ type: 'regex', properties: { regex: USERID_PATTERN, errorMessage: 'Enter a WeCom userid: letters, digits, _ . @ and -, at most 64' } },
				],
			},
		],
		...overrides,
	} as INodeProperties;
}

/** Reads and checks the `servicerUserId` locator of item `itemIndex`; '' when optional and empty. */
export function readServicerUserId(ctx: IExecuteFunctions, itemIndex: number, optional = false): string {
	const value = stringParam(ctx, itemIndex, 'servicerUserId', { extractValue: true, optional });
	if (value && !new RegExp(`^${USERID_PATTERN}$`).test(value)) {
		throw inputError('servicerUserId', `must be a WeCom userid (letters, digits, _ . @ and -, at most 64), got "${value}"`);
	}
	return value;
}

/** The customer: their external_userid (`wm…`), from a message or event the trigger emitted. */
export const externalUserIdProperty: INodeProperties = {
	displayName: 'Customer External User ID',
	name: 'externalUserId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw',
	description: 'The customer’s external_userid (from the message or event they sent)',
};

/** Reads and checks `externalUserId` of item `itemIndex`. */
export function readExternalUserId(ctx: IExecuteFunctions, itemIndex: number, name = 'externalUserId'): string {
	const value = stringParam(ctx, itemIndex, name);
	if (!new RegExp(`^${OPEN_KFID_PATTERN}$`).test(value)) {
		throw inputError(name, `must be an external_userid (letters, digits, _ and -, at most 64), got "${value}"`);
	}
	return value;
}
