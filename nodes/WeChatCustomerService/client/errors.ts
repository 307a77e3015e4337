import { hintFor } from './hints';

// Transport owns its error and the redaction; everything above the client takes them from here.
export { WeChatTransportError, type TransportFailure } from '../transport/errors';
export { REDACTED, redact } from '../transport/redact';

export interface Refusal {
	errcode: number;
	errmsg: string;
	path?: string;
	attempts?: number;
	hint?: string;
}

/**
 * The one wording of a WeChat refusal: `node` for an execution error, `credential` for the
 * credential test, `error` for the error's own message (logs).
 */
export function refusalMessage(r: Refusal, style: 'node' | 'credential' | 'error'): string {
	const hint = r.hint ? ` — ${r.hint}` : '';
	if (style === 'error') return `WeChat error ${r.errcode} on ${r.path ?? ''}: ${r.errmsg}${hint}`;
	if (style === 'credential') return `WeChat refused (errcode ${r.errcode}): ${r.errmsg}${hint}`;
	const retried = (r.attempts ?? 1) > 1 ? ` (after ${r.attempts} attempts)` : '';
	return `WeChat refused the request (errcode ${r.errcode}): ${r.errmsg}${retried}${hint}`;
}

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
		super(refusalMessage({ ...args, hint }, 'error'));
		this.name = 'WeChatApiError';
		this.errcode = args.errcode;
		this.errmsg = args.errmsg;
		this.hint = hint;
		this.path = args.path;
		this.attempts = args.attempts ?? 1;
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
