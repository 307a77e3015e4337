export type TransportFailure =
	| 'timeout'
	| 'cancelled'
	| 'network'
	| 'httpStatus'
	| 'emptyBody'
	| 'invalidJson'
	| 'invalidResponse'
	/** n8n's SSRF protection refused the address: nothing was sent. */
	| 'blocked'
	/** A download over its byte cap. */
	| 'tooLarge';

/** What the transport knows about a failure, for words that name the side that failed. */
interface TransportDetails {
	httpStatus?: number;
	/** Node.js error code, e.g. ECONNREFUSED, ECONNRESET. */
	code?: string;
	/** The low-level error text (already redacted). */
	detail?: string;
	/** The start of an unexpected body (already redacted). */
	snippet?: string;
	/** The time limit that ran out. */
	timeoutSeconds?: number;
	/** What the user can do about it (shown as the error's description). */
	hint?: string;
}

/** Codes of a connection that was never made: the server cannot have received the request. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether a Node.js error code says the connection was never made (so nothing was sent). */
export function isNeverConnectedCode(code: string | undefined): boolean {
	return code !== undefined && NEVER_CONNECTED.has(code);
}

/** The request did not produce a usable WeChat answer (network, HTTP status, body). */
export class WeChatTransportError extends Error {
	readonly failure: TransportFailure;
	readonly path: string;
	readonly httpStatus?: number;
	readonly code?: string;
	readonly detail?: string;
	readonly snippet?: string;
	readonly timeoutSeconds?: number;
	readonly hint?: string;

	constructor(failure: TransportFailure, path: string, message: string, details: number | TransportDetails = {}) {
		super(message);
		this.name = 'WeChatTransportError';
		this.failure = failure;
		this.path = path;
		const d = typeof details === 'number' ? { httpStatus: details } : details;
		this.httpStatus = d.httpStatus;
		this.code = d.code;
		this.detail = d.detail;
		this.snippet = d.snippet;
		this.timeoutSeconds = d.timeoutSeconds;
		this.hint = d.hint;
	}
}
