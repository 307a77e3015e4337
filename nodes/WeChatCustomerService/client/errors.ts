import { hintFor } from './hints';

/** WeChat answered with `errcode != 0`. */
export class WeChatApiError extends Error {
	readonly errcode: number;
	readonly errmsg: string;
	readonly hint: string;
	readonly path: string;
	/** Whether the client already retried the call (busy / token refresh) before giving up. */
	readonly attempts: number;

	constructor(args: { errcode: number; errmsg: string; path: string; attempts?: number; hint?: string }) {
		const hint = args.hint ?? hintFor(args.errcode);
		super(`WeChat error ${args.errcode} on ${args.path}: ${args.errmsg}${hint ? ` — ${hint}` : ''}`);
		this.name = 'WeChatApiError';
		this.errcode = args.errcode;
		this.errmsg = args.errmsg;
		this.hint = hint;
		this.path = args.path;
		this.attempts = args.attempts ?? 1;
	}
}

export type TransportFailure =
	| 'timeout'
	| 'cancelled'
	| 'network'
	| 'httpStatus'
	| 'emptyBody'
	| 'invalidJson'
	| 'invalidResponse';

/** The request did not produce a usable WeChat answer (network, HTTP status, body). */
export class WeChatTransportError extends Error {
	readonly failure: TransportFailure;
	readonly path: string;
	readonly httpStatus?: number;

	constructor(failure: TransportFailure, path: string, message: string, httpStatus?: number) {
		super(message);
		this.name = 'WeChatTransportError';
		this.failure = failure;
		this.path = path;
		this.httpStatus = httpStatus;
	}
}

/** Bad input caught by the client before any request was sent. */
export class WeChatInputError extends Error {
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.name = 'WeChatInputError';
		this.field = field;
	}
}
