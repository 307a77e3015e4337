import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import {
	WeChatApiError,
	WeChatInputError,
	WeChatOutcomeUnknownError,
	refusalDescription,
	refusalMessage,
	type RefusalWords,
} from '../errors';
import { redact } from '../transport/redact';
import { WeChatTransportError } from '../transport/errors';
import { fieldLabel } from './labels';
import type { OperationDefinition } from './operations';

interface NodeErrorOptions {
	/** Values to scrub from every text (tokens, secrets). */
	secrets?: readonly string[];
	/** The node description's properties, to name a field by its label in the panel. */
	properties?: readonly INodeProperties[];
}

/**
 * n8n's NodeApiError and NodeOperationError replace a message that contains a Node.js error code
 * (ECONNREFUSED, EEXIST, …, anywhere in the text) or whose code is one, with their own words
 * ("The service refused the connection - perhaps it is offline"), in 1.x and 2.x alike. The
 * node's own words are set again once the constructor has run.
 */
function inOurWords<E extends NodeApiError | NodeOperationError>(error: E, message: string, description?: string): E {
	error.message = message;
	error.description = description || undefined;
	return error;
}

/** The one wording of a bad field: `"Label" problem`; the parameter name goes to the description. */
function fieldProblem(label: string, problem: string): string {
	return `"${label}" ${problem}`;
}

/** A NodeOperationError that names the field by its label, for item `itemIndex`, raised before any request. */
function fieldProblemError(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	properties: readonly INodeProperties[] = [],
): NodeOperationError {
	const label = fieldLabel(properties, node.parameters, field);
	const message = fieldProblem(label ?? field, problem);
	const description = label ? `Parameter name: ${field}` : undefined;
	const error = inOurWords(new NodeOperationError(node, message, { itemIndex, description }), message, description);
	error.context.parameter = field;
	return error;
}

/**
 * An error of a call the operation made, in the operation's own words when it has them, else in the
 * node's (`nodeRefusals`: errcodes whose advice names the node's operations).
 */
export function inOperationWords(
	error: unknown,
	operation: Pick<OperationDefinition<unknown>, 'outcome' | 'refusals'>,
	nodeRefusals?: Readonly<Record<number, RefusalWords>>,
): unknown {
	if (error instanceof WeChatOutcomeUnknownError) {
		const check = operation.outcome?.[error.path];
		return check ? error.withCheck(check) : error;
	}
	if (error instanceof WeChatApiError && error.source !== 'Token server') {
		const words = operation.refusals?.[error.errcode] ?? nodeRefusals?.[error.errcode];
		return words ? error.inWords(words) : error;
	}
	return error;
}

/** Turns anything thrown while handling an item into the n8n error a user should see. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	{ secrets = [], properties = [] }: NodeErrorOptions = {},
): NodeApiError | NodeOperationError {
	const scrub = (text: string | undefined) => (text ? redact(text, secrets) : undefined);
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const api = (response: JsonObject, message: string, description: string | undefined, httpCode?: number) =>
		inOurWords(
			new NodeApiError(node, response, { message, description, itemIndex, httpCode: httpCode ? String(httpCode) : undefined }),
			message,
			description,
		);
	if (error instanceof WeChatApiError) {
		const response = { errcode: error.errcode, errmsg: scrub(error.errmsg) ?? '', hint: error.hint } as JsonObject;
		return api(response, scrub(refusalMessage(error, 'node'))!, scrub(refusalDescription(error)));
	}
	if (error instanceof WeChatOutcomeUnknownError) {
		const reason = error.reason;
		const response = (
			reason instanceof WeChatApiError
				? { errcode: reason.errcode, errmsg: scrub(reason.errmsg) ?? '', outcome: 'unknown' }
				: { failure: reason.failure, outcome: 'unknown' }
		) as JsonObject;
		return api(response, scrub(error.message)!, scrub(error.hint));
	}
	if (error instanceof WeChatTransportError) {
		return api({ failure: error.failure } as JsonObject, scrub(error.message)!, scrub(error.hint), error.httpStatus);
	}
	if (error instanceof WeChatInputError) {
		return fieldProblemError(node, itemIndex, error.field, scrub(error.message)!, properties);
	}
	const message = scrub(error instanceof Error ? error.message : String(error)) ?? 'Unknown error';
	return inOurWords(new NodeOperationError(node, message, { itemIndex }), message);
}

/** The json of an item sent to the error output: only keys n8n recognises as an error item. */
export function errorItemJson(error: NodeApiError | NodeOperationError): IDataObject {
	const details: IDataObject = {};
	const response = (error as NodeApiError).errorResponse as IDataObject | undefined;
	if (response && typeof response.errcode === 'number') {
		details.errcode = response.errcode;
		details.errmsg = response.errmsg;
	}
	const hint = typeof response?.hint === 'string' ? response.hint : error instanceof NodeApiError ? error.description : undefined;
	if (hint) details.hint = hint;
	return Object.keys(details).length ? { error: error.message, details } : { error: error.message };
}
