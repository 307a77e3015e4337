/**
 * A push the trigger refuses. `status` is what WeChat (or whoever sent it) gets back; the
 * message is safe to show and to log: it never holds the token, the key or a signature.
 */
export class PushRejected extends Error {
	constructor(
		readonly status: 400 | 401 | 413,
		message: string,
	) {
		super(message);
		this.name = 'PushRejected';
	}
}

export const MAX_BODY_BYTES = 1024 * 1024;
