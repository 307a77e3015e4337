import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import { WeChatApiError, WeChatInputError, WeChatTransportError } from '../client/errors';
import { redact } from '../transport/redact';

/** Turns anything thrown while handling an item into the n8n error a user should see. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	secrets: readonly string[] = [],
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof WeChatApiError) {
		const retried = error.attempts > 1 ? ` (after ${error.attempts} attempts)` : '';
		const message = redact(
			`WeChat refused the request (errcode ${error.errcode}): ${error.errmsg}${retried}`,
			secrets,
		);
		return new NodeApiError(
			node,
			{ errcode: error.errcode, errmsg: redact(error.errmsg, secrets) } as JsonObject,
			{
				message: error.hint ? `${message} — ${error.hint}` : message,
				description: error.hint || undefined,
				itemIndex,
			},
		);
	}
	if (error instanceof WeChatTransportError) {
		return new NodeApiError(node, { failure: error.failure } as JsonObject, {
			message: redact(error.message, secrets),
			httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
			itemIndex,
		});
	}
	if (error instanceof WeChatInputError) {
		return new NodeOperationError(node, `Item ${itemIndex}: "${error.field}" ${error.message}`, { itemIndex });
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, redact(message, secrets), { itemIndex });
}

/** The json of an item sent to the error output: only keys n8n recognises as an error item. */
export function errorItemJson(error: NodeApiError | NodeOperationError): IDataObject {
	const details: IDataObject = {};
	const context = (error as NodeApiError).errorResponse as IDataObject | undefined;
	if (context && typeof context.errcode === 'number') {
		details.errcode = context.errcode;
		details.errmsg = context.errmsg;
	}
	if (error.description) details.hint = error.description;
	return Object.keys(details).length ? { error: error.message, details } : { error: error.message };
}
