// WeCom's refusals in one table. WeCom answers `{errcode, errmsg}` with HTTP 200; its errmsg is a
// short English text followed by a hint, the caller's IP and a link to the errcode's page.
import { WxError } from '../errors';

/** errmsg texts; the ones WeCom is seen to answer are used verbatim, the others describe the code. */
export const WECOM_ERRMSG: Record<number, string> = {
	[-1]: 'system busy',
	40001: 'invalid credential',
	40004: 'invalid media type',
	40005: 'invalid file type',
	40006: 'invalid file size',
	40007: 'invalid media_id',
	40008: 'invalid message type',
	40013: 'invalid corpid',
	40014: 'invalid access_token',
	40058: 'invalid Request Parameter',
	40096: 'invalid external userid',
	41001: 'access_token missing',
	41002: 'corpid missing',
	41004: 'corpsecret missing',
	41005: 'media data missing',
	42001: 'access_token expired',
	43001: 'require GET method',
	43002: 'require POST method',
	44001: 'empty media data',
	44002: 'empty post data',
	45002: 'content size out of limit',
	45009: 'api freq out of limit',
	47001: 'data format error',
	48002: 'api forbidden',
	60003: 'department not found',
	60020: 'not allow to access from your ip',
	60111: 'invalid string value `userid`',
	95000: 'invalid open_kfid',
	95001: 'send msg count limit',
	95002: 'send msg time limit',
	95003: 'corp not verified, customer count limit',
	95004: 'open_kfid not exist',
	95005: 'kf account count limit',
	95006: 'invalid kf account name',
	95007: 'invalid msg token',
	95008: 'msgmenu item count limit',
	95009: 'invalid msgmenu item type',
	95011: 'kf is used in wecom, use the secret of the app configured in wecom',
	95012: 'kf is used standalone, use the secret of the kf standalone edition',
	95013: 'session is end',
	95014: 'user is not servicer',
	95015: 'exclusive service is configured in the admin console',
	95016: 'service state trans not allowed',
	95017: 'kf api switch is off',
	95018: 'send msg session status invalid',
	95019: 'servicer is not receiving',
	95022: 'invalid location type',
	95023: 'kf api switch belongs to a customized app',
	95026: 'low usage, kf account can not be created now',
	95027: 'corp not verified, kf account count limit',
	95030: 'message type is blocked by the kf component',
};

let hintCounter = 0;

/** A WeCom refusal with its errmsg as WeCom shapes it; `detail` says which field (the sandbox's addition). */
export function weComError(errcode: number, detail?: string): WxError {
	hintCounter += 1;
	const text = WECOM_ERRMSG[errcode] ?? 'error';
	const hint = `${Date.now()}${String(100000 + hintCounter).slice(-6)}`;
	return new WxError(
		errcode,
		`${text}${detail ? `: ${detail}` : ''}, hint: [${hint}], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`,
	);
}

/** The body of every WeCom success. */
export function ok<T extends object>(fields?: T): { errcode: 0; errmsg: 'ok' } & T {
	return { errcode: 0, errmsg: 'ok', ...(fields ?? ({} as T)) };
}
