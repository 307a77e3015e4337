import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import {
	WeChatApiError,
	WeChatInputError,
	WeChatTransportError,
	redact,
	refusalMessage,
} from '../client/errors';

/** The one wording of a bad field: `Item N: "field" problem`. */
export function fieldProblem(itemIndex: number, field: string, problem: string): string {
	return `Item ${itemIndex}: "${field}" ${problem}`;
}

/** A NodeOperationError that names the item and the field, raised before any request. */
export function fieldProblemError(node: INode, itemIndex: number, field: string, problem: string): NodeOperationError {
	return new NodeOperationError(node, fieldProblem(itemIndex, field, problem), { itemIndex });
}

/** Turns anything thrown while handling an item into the n8n error a user should see. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	secrets: readonly string[] = [],
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof WeChatApiError) {
		const message = redact(refusalMessage(error, 'node'), secrets);
		return new NodeApiError(
			node,
			{ errcode: error.errcode, errmsg: redact(error.errmsg, secrets) } as JsonObject,
			{
				message,
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
		return fieldProblemError(node, itemIndex, error.field, error.message);
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
