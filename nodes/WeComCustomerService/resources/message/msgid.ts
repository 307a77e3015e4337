import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkMsgid } from '../../client/messages';

/** The optional msgid of Send and Send on Event (in Options). */
export const msgidOption: INodeProperties = {
	displayName: 'Message ID',
	name: 'msgid',
	type: 'string',
	default: '',
	placeholder: 'e.g. order-1001-shipped',
	description:
		'Your own msgid for this message: at most 32 letters, digits, _ or -, unique per account (WeCom refuses one used before, so a repeated run cannot send twice). Empty: WeCom makes one.',
};

/** Options → Message ID of item `i`, checked; undefined when empty. */
export function readMsgid(ctx: IExecuteFunctions, i: number): string | undefined {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const value = typeof options.msgid === 'string' ? options.msgid.trim() : '';
	return value ? checkMsgid('msgid', value) : undefined;
}
