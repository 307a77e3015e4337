// Not WeCom APIs: let tests, the demo and other processes make customers talk and WeCom call back.
import type { ReceivedRequest, Route, SandboxContext, SandboxResponse } from '../../types';
import { sendCallback, verifyCallbackUrl, type DeliveryOptions } from '../callback';
import type { WeComCorp } from '../corp';
import { CUSTOMER_MESSAGE_TYPES, customerEnters, customerWrites, type CustomerMessage } from '../customers';
import { SANDBOX_WECOM } from '../demoCredential';

export const SANDBOX_WECOM_PATHS = {
	customerMessage: '/sandbox/wecom/customer-message',
	callback: '/sandbox/wecom/callback',
	callbackConfig: '/sandbox/wecom/callback-config',
	verifyUrl: '/sandbox/wecom/verify-url',
} as const;

type Body = Record<string, unknown>;

function corpFor(sb: SandboxContext, b: Body): WeComCorp {
	const corp = sb.state.wecom.corps.get(typeof b.corpid === 'string' ? b.corpid : SANDBOX_WECOM.corpId);
	if (!corp) throw new Error(`unknown corpid ${String(b.corpid)}`);
	return corp;
}

function requestBody(req: ReceivedRequest): Body {
	if (typeof req.json !== 'object' || req.json === null) throw new Error('a JSON object body is required');
	return req.json as Body;
}

function strings(b: Body, ...names: string[]): string[] {
	return names.map((n) => {
		if (typeof b[n] !== 'string' || b[n] === '') throw new Error(`${n} is required`);
		return b[n] as string;
	});
}

/**
 * A customer writes (`msgtype` text/image/voice/video/file/location/link with `content`) or, with
 * `enter_session: {scene, scene_param}`, opens the chat; `callback: true` (or delivery options)
 * then notifies the configured callback URL.
 */
async function customerMessage(sb: SandboxContext, b: Body) {
	const corp = corpFor(sb, b);
	const [openKfid, externalUserid] = strings(b, 'open_kfid', 'external_userid');
	const msgtype = (b.msgtype ?? 'text') as CustomerMessage['msgtype'];
	if (!CUSTOMER_MESSAGE_TYPES.includes(msgtype)) throw new Error(`msgtype must be one of ${CUSTOMER_MESSAGE_TYPES.join(', ')}`);
	if (!corp.accounts.has(openKfid)) throw new Error(`unknown open_kfid ${openKfid}`);
	const entry =
		b.enter_session !== undefined
			? customerEnters(corp, openKfid, externalUserid, b.enter_session as Parameters<typeof customerEnters>[3])
			: customerWrites(corp, openKfid, externalUserid, { msgtype, content: typeof b.content === 'string' ? b.content : undefined });
	const welcome = entry.content.welcome_code;
	const result: Record<string, unknown> = { msgid: entry.msgid, send_time: entry.send_time, ...(welcome ? { welcome_code: welcome } : {}) };
	if (b.callback) result.callback = await sendCallback(corp, openKfid, b.callback === true ? {} : (b.callback as DeliveryOptions));
	return result;
}

function callbackConfig(sb: SandboxContext, b: Body) {
	const corp = corpFor(sb, b);
	const [url] = strings(b, 'url');
	corp.callback = {
		url,
		token: typeof b.token === 'string' ? b.token : SANDBOX_WECOM.callbackToken,
		encodingAESKey: typeof b.encodingAESKey === 'string' ? b.encodingAESKey : SANDBOX_WECOM.encodingAESKey,
	};
	return { url };
}

function route(path: string, run: (sb: SandboxContext, b: Body) => unknown): Route {
	return {
		method: 'POST',
		path,
		handler: async (req, sb): Promise<SandboxResponse> => {
			try {
				return { json: await run(sb, requestBody(req)) };
			} catch (error) {
				return { status: 400, json: { error: (error as Error).message } };
			}
		},
	};
}

export const weComSandboxRoutes: Route[] = [
	route(SANDBOX_WECOM_PATHS.customerMessage, customerMessage),
	route(SANDBOX_WECOM_PATHS.callbackConfig, callbackConfig),
	route(SANDBOX_WECOM_PATHS.callback, (sb, b) => sendCallback(corpFor(sb, b), strings(b, 'open_kfid')[0], b as DeliveryOptions)),
	route(SANDBOX_WECOM_PATHS.verifyUrl, (sb, b) => verifyCallbackUrl(corpFor(sb, b), b as DeliveryOptions)),
];
