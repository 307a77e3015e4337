/** A WeChat-shaped refusal: handlers throw it, the server answers `{errcode, errmsg}` with HTTP 200. */
export class WxError extends Error {
	constructor(
		readonly errcode: number,
		readonly errmsg: string,
	) {
		super(`${errcode} ${errmsg}`);
	}
}

let ridCounter = 0;

/** WeChat appends a request id to most errmsgs. */
export function rid(): string {
	ridCounter += 1;
	return `rid: 6745${(0x10000 + ridCounter).toString(16)}-${Date.now().toString(16).slice(-8)}`;
}

export function wxError(errcode: number, errmsg: string): WxError {
	return new WxError(errcode, `${errmsg} ${rid()}`);
}
