// WeCom's 微信客服 callback, decided before anything is pulled: URL verification (GET), the
// kf_msg_or_event notification (POST) and every refusal. No n8n here.
import { decryptWithKeys, type LabelledKey } from '../../shared/push/crypto';
import { MAX_BODY_BYTES, PushRejected } from '../../shared/push/errors';
import { ExpiringMemory } from '../../shared/push/memory';
import { pushSignature, signatureMatches } from '../../shared/push/signature';
import { refuseBadTimestamp } from '../../shared/push/timestamp';
import { parseWeChatXml } from '../../shared/push/xml';
import type { CallbackSettings } from './settings';

/** The one event that says messages wait in sync_msg. */
export const KF_MSG_EVENT = 'kf_msg_or_event';

export const SUCCESS = 'success';

/** What a valid kf_msg_or_event callback says: which account to pull, with which sync_msg token. */
export interface KfNotification {
	openKfId: string;
	/** Lets sync_msg pull at the normal rate for 10 minutes. */
	token: string;
	/** Unix seconds. */
	createTime: number;
}

export interface CallbackAnswer {
	status: number;
	contentType: string;
	body: string;
	/** Present: pull this account. */
	notification?: KfNotification;
	/** Why nothing is pulled, for a debug log line (never holds a secret). */
	note?: string;
}

export interface CallbackRequest {
	method: string;
	query: Record<string, unknown>;
	rawBody?: Buffer;
}

export interface CallbackDeps {
	/** Signed callbacks already accepted (WeCom repeats one it got no answer to). */
	seen: ExpiringMemory<true>;
	/** Separates trigger nodes in `seen`. */
	scope: string;
	/** Unix milliseconds. */
	now: () => number;
}

const TEXT = 'text/plain; charset=utf-8';

/** A callback is remembered as long as WeCom may retry it (3 times, 5 s apart) and well beyond. */
export const SEEN_TTL_MS = 10 * 60 * 1000;

/** Shared by every WeCom trigger node of the n8n process. */
export const seenCallbacks = new ExpiringMemory<true>(SEEN_TTL_MS, 100_000);

function queryString(query: Record<string, unknown>, name: string): string {
	const value = query[name];
	return typeof value === 'string' ? value : '';
}

/** msg_signature over Token, timestamp, nonce and the encrypted text; then the timestamp window. */
function checkSigned(s: CallbackSettings, query: Record<string, unknown>, encrypted: string, maxAgeSeconds: number, nowMs: number): void {
	const timestamp = queryString(query, 'timestamp');
	const nonce = queryString(query, 'nonce');
	if (!signatureMatches(pushSignature(s.token, timestamp, nonce, encrypted), query.msg_signature)) {
		throw new PushRejected(401, 'The msg_signature is not valid');
	}
	refuseBadTimestamp(timestamp, maxAgeSeconds, nowMs);
}

/** The plaintext with the current key, else the previous one; the CorpID inside must be the credential's. */
function decrypt(s: CallbackSettings, encrypted: string): Buffer {
	const keys: LabelledKey[] = [{ label: 'EncodingAESKey', key: s.aesKey }];
	if (s.previousAesKey) keys.push({ label: 'Previous EncodingAESKey', key: s.previousAesKey });
	return decryptWithKeys(keys, encrypted, s.corpId, 'CorpID').message;
}

/** GET: answer the decrypted echostr and nothing else (WeCom waits 1 second). */
function verify(s: CallbackSettings, req: CallbackRequest, maxAgeSeconds: number, nowMs: number): CallbackAnswer {
	const echostr = queryString(req.query, 'echostr');
	if (!echostr) throw new PushRejected(401, 'The verification request has no echostr');
	checkSigned(s, req.query, echostr, maxAgeSeconds, nowMs);
	return { status: 200, contentType: TEXT, body: decrypt(s, echostr).toString('utf8') };
}

function field(fields: Record<string, unknown>, name: string): string {
	const value = fields[name];
	return typeof value === 'string' ? value.trim() : '';
}

function accept(s: CallbackSettings, req: CallbackRequest, maxAgeSeconds: number, deps: CallbackDeps): CallbackAnswer {
	const body = req.rawBody ?? Buffer.alloc(0);
	if (body.length > MAX_BODY_BYTES) throw new PushRejected(413, 'The body is larger than 1 MiB');
	const encrypted = parseWeChatXml(body).Encrypt;
	if (typeof encrypted !== 'string' || encrypted === '') throw new PushRejected(400, 'The callback has no Encrypt');
	checkSigned(s, req.query, encrypted, maxAgeSeconds, deps.now());
	const fields = parseWeChatXml(decrypt(s, encrypted));
	const ok: CallbackAnswer = { status: 200, contentType: TEXT, body: SUCCESS };
	const event = field(fields, 'Event');
	if (event !== KF_MSG_EVENT) return { ...ok, note: `the event "${event}" announces no messages` };
	const openKfId = field(fields, 'OpenKfId');
	const token = field(fields, 'Token');
	if (!openKfId) throw new PushRejected(400, 'The callback names no OpenKfId');
	// The signature covers the Encrypt text, so the same signed URL and text again is WeCom's retry.
	const key = `${deps.scope}|${queryString(req.query, 'timestamp')}|${queryString(req.query, 'nonce')}|${queryString(req.query, 'msg_signature')}`;
	if (deps.seen.get(key)) return { ...ok, note: 'a repeat of a callback already received' };
	deps.seen.remember(key, true);
	return { ...ok, notification: { openKfId, token, createTime: Number(field(fields, 'CreateTime')) || 0 } };
}

/** Everything the trigger answers, decided before any pull. Never throws. */
export function receiveCallback(s: CallbackSettings, req: CallbackRequest, maxAgeSeconds: number, deps: CallbackDeps): CallbackAnswer {
	try {
		if (req.method === 'GET') return verify(s, req, maxAgeSeconds, deps.now());
		return accept(s, req, maxAgeSeconds, deps);
	} catch (error) {
		if (error instanceof PushRejected) return { status: error.status, contentType: TEXT, body: error.message, note: error.message };
		// A bug, not the request's fault: still an answer, so that n8n records no error execution.
		const reason = error instanceof Error ? error.message : String(error);
		return { status: 500, contentType: TEXT, body: 'The callback could not be read', note: `unexpected failure: ${reason}` };
	}
}
