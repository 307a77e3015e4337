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
