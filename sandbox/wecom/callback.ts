// WeCom's callback for 微信客服: a notification only (`kf_msg_or_event` with a Token for sync_msg
// valid 10 minutes and the OpenKfId), encrypted with the CorpID as receive id, signed with
// msg_signature, POSTed with msg_signature, timestamp and nonce. Not answered with HTTP 200 within
// the timeout (5 s), the same request is sent again, 3 times, 5 seconds apart.
import type { WeComCorp } from './corp';
import { msgSignature, newNonce, weComEncrypt } from './crypto';
import { newId } from './ids';
import type { CallbackConfig } from './model';

/** A callback's Token lets sync_msg pull for 10 minutes. */
export const SYNC_TOKEN_SECONDS = 600;

export interface DeliveryOptions {
	/** Where to POST (default: the corp's configured callback URL). */
	url?: string;
	/** How long one attempt waits for the answer, ms (WeCom: 5 s). */
	timeoutMs?: number;
	/** Real time between attempts, ms (WeCom: 5 s). Tests set 0: the order of attempts is what they check. */
	retryIntervalMs?: number;
	/** Retries after the first attempt (WeCom: 3). */
	retries?: number;
	/** Another server configuration than the corp's (a wrong key, a wrong token…). */
	config?: Partial<CallbackConfig>;
	/** Seconds added to the signed timestamp. */
	timestampOffset?: number;
}

export interface DeliveryAttempt {
	attempt: number;
	/** Sandbox time of the attempt, unix seconds. */
	at: number;
	status?: number;
	body?: string;
	/** `answered` (HTTP 200 in time), `status` (another HTTP status), `timeout`, `error` (no connection). */
	outcome: 'answered' | 'status' | 'timeout' | 'error';
}

export interface Delivery {
	/** The Token in the notification (for sync_msg). */
	token: string;
	xml: string;
	query: string;
	body: string;
	attempts: DeliveryAttempt[];
	acknowledged: boolean;
}

const cdata = (v: string) => `<![CDATA[${v}]]>`;

/** The notification's plaintext XML. */
export function callbackXml(corpId: string, createTime: number, token: string, openKfid: string): string {
	return `<xml><ToUserName>${cdata(corpId)}</ToUserName><CreateTime>${createTime}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata('kf_msg_or_event')}</Event><Token>${cdata(token)}</Token><OpenKfId>${cdata(openKfid)}</OpenKfId></xml>`;
}

/** Issues a sync_msg token for an account (valid 10 minutes on the sandbox clock). */
export function issueSyncToken(corp: WeComCorp, openKfid: string): string {
	const token = `ENC${newId('', 44)}`;
	corp.syncTokens.set(token, { open_kfid: openKfid, expiresAt: corp.clock.now() + SYNC_TOKEN_SECONDS });
	return token;
}

function configOf(corp: WeComCorp, options: DeliveryOptions): CallbackConfig {
	const config = { ...corp.callback, ...options.config, ...(options.url ? { url: options.url } : {}) };
	if (!config.url || !config.token || !config.encodingAESKey) throw new Error(`corp ${corp.corpId} has no callback URL, Token and EncodingAESKey`);
	return config as CallbackConfig;
}

async function attempt(url: string, body: string, timeoutMs: number): Promise<Omit<DeliveryAttempt, 'attempt' | 'at'>> {
	try {
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body, signal: AbortSignal.timeout(timeoutMs) });
		const text = await res.text();
		return { status: res.status, body: text, outcome: res.status === 200 ? 'answered' : 'status' };
	} catch (error) {
		const name = (error as Error).name;
		return { outcome: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'error' };
	}
}

/** Signs, encrypts and POSTs a `kf_msg_or_event` notification for an account, retrying like WeCom. */
export async function sendCallback(corp: WeComCorp, openKfid: string, options: DeliveryOptions = {}): Promise<Delivery> {
	const config = configOf(corp, options);
	const now = corp.clock.now();
	const token = issueSyncToken(corp, openKfid);
	const xml = callbackXml(corp.corpId, now, token, openKfid);
	const encrypt = weComEncrypt(config.encodingAESKey, corp.corpId, xml);
	const timestamp = String(now + (options.timestampOffset ?? 0));
	const nonce = newNonce();
	const query = new URLSearchParams({ msg_signature: msgSignature(config.token, timestamp, nonce, encrypt), timestamp, nonce }).toString();
	const body = `<xml><ToUserName>${cdata(corp.corpId)}</ToUserName><Encrypt>${cdata(encrypt)}</Encrypt><AgentID>${cdata('')}</AgentID></xml>`;
	const url = `${config.url}${config.url.includes('?') ? '&' : '?'}${query}`;
	const attempts: DeliveryAttempt[] = [];
	const retries = options.retries ?? 3;
	for (let i = 0; i <= retries; i += 1) {
		if (i > 0 && (options.retryIntervalMs ?? 5000) > 0) {
			await new Promise((resolve) => setTimeout(resolve, options.retryIntervalMs ?? 5000).unref());
		}
		const result = await attempt(url, body, options.timeoutMs ?? 5000);
		attempts.push({ attempt: i + 1, at: corp.clock.now(), ...result });
		if (result.outcome === 'answered') break;
	}
	return { token, xml, query, body, attempts, acknowledged: attempts[attempts.length - 1].outcome === 'answered' };
}

export interface VerificationResult {
	status?: number;
	body?: string;
	/** The plaintext the receiver had to answer. */
	expected: string;
	/** The receiver answered exactly the decrypted echostr with HTTP 200. */
	verified: boolean;
}

/** WeCom's URL verification: a signed GET with an encrypted echostr, answered with its plaintext. */
export async function verifyCallbackUrl(corp: WeComCorp, options: DeliveryOptions = {}): Promise<VerificationResult> {
	const config = configOf(corp, options);
	const expected = String(Math.floor(Math.random() * 1e18));
	const echostr = weComEncrypt(config.encodingAESKey, corp.corpId, expected);
	const timestamp = String(corp.clock.now() + (options.timestampOffset ?? 0));
	const nonce = newNonce();
	const query = new URLSearchParams({ msg_signature: msgSignature(config.token, timestamp, nonce, echostr), timestamp, nonce, echostr }).toString();
	try {
		const res = await fetch(`${config.url}${config.url.includes('?') ? '&' : '?'}${query}`, { signal: AbortSignal.timeout(options.timeoutMs ?? 1000) });
		const body = await res.text();
		return { status: res.status, body, expected, verified: res.status === 200 && body === expected };
	} catch {
		return { expected, verified: false };
	}
}
