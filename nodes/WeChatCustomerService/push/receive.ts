import { decryptWithKeys, type LabelledKey } from '../../shared/push/crypto';
import { PushDeduplicator, dedupKey, type StoredAnswer } from './dedup';
import { MAX_BODY_BYTES, PushRejected } from '../../shared/push/errors';
import { isEvent, pushType, readMessage, toItem, type EncryptionKeyUsed, type PushItem, type PushReply } from './message';
import { SUCCESS, encryptedReplyXml, transferReplyXml } from './reply';
import type { PushSettings } from './settings';
import type { SignedUrlMemory } from './replay';
import { refuseBadTimestamp } from '../../shared/push/timestamp';
import { pushSignature, signatureMatches } from '../../shared/push/signature';
import { parseWeChatXml } from '../../shared/push/xml';

export const REPLY_MODES = ['acknowledge', 'transfer', 'transferOnKeywords'] as const;
type ReplyMode = (typeof REPLY_MODES)[number];

export interface TriggerOptions {
	/** `*` or message types / event names, lower case. */
	events: string[];
	reply: ReplyMode;
	transferKfAccount?: string;
	transferKeywords: string[];
	/** 0 = no timestamp check. */
	maxAgeSeconds: number;
	deduplicate: boolean;
	includeRawXml: boolean;
	timeZone: string;
	/** Separates trigger nodes (workflow + node) in the dedup memory. */
	scope: string;
}

interface PushRequest {
	method: string;
	query: Record<string, unknown>;
	rawBody?: Buffer;
}

export interface PushAnswer extends StoredAnswer {
	/** The item to start the workflow with; absent = start nothing. */
	item?: PushItem;
	/** Why nothing starts, for a debug log line (never holds a secret). */
	note?: string;
}

interface ReceiveDeps {
	dedup: PushDeduplicator;
	signedUrls: SignedUrlMemory;
	/** Unix milliseconds. */
	now: () => number;
}

const TEXT = 'text/plain; charset=utf-8';
const XML = 'text/xml; charset=utf-8';

/** A refusal as an answer, so that no exception reaches n8n (which would record an error execution). */
function rejection(error: PushRejected): PushAnswer {
	return { status: error.status, contentType: TEXT, body: error.message, note: error.message };
}

function queryString(query: Record<string, unknown>, name: string): string | undefined {
	const value = query[name];
	return typeof value === 'string' ? value : undefined;
}

/** The three-string signature over token, timestamp, nonce (GET and plain POST). */
function refuseBadSignature(s: PushSettings, query: Record<string, unknown>, opts: TriggerOptions, nowMs: number) {
	const timestamp = queryString(query, 'timestamp') ?? '';
	const nonce = queryString(query, 'nonce') ?? '';
	if (!signatureMatches(pushSignature(s.token, timestamp, nonce), query.signature)) {
		throw new PushRejected(401, 'The signature is not valid');
	}
	refuseBadTimestamp(timestamp, opts.maxAgeSeconds, nowMs);
	return { timestamp, nonce };
}

function verify(req: PushRequest): PushAnswer {
	const echostr = queryString(req.query, 'echostr');
	if (echostr === undefined) throw new PushRejected(401, 'The verification request has no echostr');
	return { status: 200, contentType: TEXT, body: echostr };
}

interface Opened {
	xml: Buffer;
	encrypted: boolean;
	/** The key that opened the push: the reply is encrypted with it. */
	key?: { which: EncryptionKeyUsed; aesKey: Buffer };
}

/** The first body under a signed URL is the only one it may carry, until its timestamp leaves Max Age. */
function refuseReplay(deps: ReceiveDeps, query: Record<string, unknown>, body: Buffer, maxAgeSeconds: number): void {
	const timestamp = queryString(query, 'timestamp') ?? '';
	const signature = queryString(query, 'signature') ?? queryString(query, 'msg_signature') ?? '';
	// Accepted while |now - timestamp| <= maxAge, so needed until (timestamp + maxAge) s, inclusive.
	const expiresAt = maxAgeSeconds > 0 ? (Number(timestamp) + maxAgeSeconds) * 1000 + 1 : undefined;
	deps.signedUrls.check({ timestamp, nonce: queryString(query, 'nonce') ?? '', signature }, body, expiresAt);
}

function open(s: PushSettings, req: PushRequest, opts: TriggerOptions, deps: ReceiveDeps, nowMs: number): Opened {
	const body = req.rawBody ?? Buffer.alloc(0);
	const encryptType = queryString(req.query, 'encrypt_type');
	if (encryptType === undefined || encryptType === '' || encryptType === 'raw') {
		// Compatible and safe mode always send encrypt_type=aes and msg_signature; a plain body is not the key holder's.
		if (s.aesKey) {
			throw new PushRejected(
				401,
				'The credential has an EncodingAESKey, so a push without encrypt_type=aes and msg_signature is refused',
			);
		}
		refuseBadSignature(s, req.query, opts, nowMs);
		refuseReplay(deps, req.query, body, opts.maxAgeSeconds);
		return { xml: body, encrypted: false };
	}
	if (encryptType !== 'aes') throw new PushRejected(400, 'The encrypt_type is neither raw nor aes');
	// Safe and compatible mode: only the ciphertext is signed, so only the decrypted message counts.
	const envelope = parseWeChatXml(body);
	const encrypt = envelope.Encrypt;
	if (typeof encrypt !== 'string' || encrypt === '') throw new PushRejected(400, 'The encrypted push has no Encrypt');
	const timestamp = queryString(req.query, 'timestamp') ?? '';
	const nonce = queryString(req.query, 'nonce') ?? '';
	if (!signatureMatches(pushSignature(s.token, timestamp, nonce, encrypt), req.query.msg_signature)) {
		throw new PushRejected(401, 'The msg_signature is not valid');
	}
	if (!s.aesKey || !s.appId) {
		// Compatible mode carries the message in clear too: without a key it is read like a plain push
		// (same signature, same trust), so encryption can be switched on or off without losing pushes.
		if (typeof envelope.MsgType !== 'string' || req.query.signature === undefined) {
			throw new PushRejected(401, 'The push is encrypted but the credential has no EncodingAESKey and AppID');
		}
		refuseBadSignature(s, req.query, opts, nowMs);
		refuseReplay(deps, req.query, body, opts.maxAgeSeconds);
		return { xml: body, encrypted: false };
	}
	if (req.query.signature !== undefined) refuseBadSignature(s, req.query, opts, nowMs);
	else refuseBadTimestamp(timestamp, opts.maxAgeSeconds, nowMs);
	refuseReplay(deps, req.query, body, opts.maxAgeSeconds);
	const keys: Array<LabelledKey & { which: EncryptionKeyUsed }> = [{ which: 'current', label: 'EncodingAESKey', key: s.aesKey }];
	if (s.previousAesKey) keys.push({ which: 'previous', label: 'Previous EncodingAESKey', key: s.previousAesKey });
	const { message, key } = decryptWithKeys(keys, encrypt, s.appId);
	return { xml: message, encrypted: true, key: { which: key.which, aesKey: key.key } };
}

function wantsTransfer(opts: TriggerOptions, fields: Record<string, unknown>, event: boolean): boolean {
	if (event || opts.reply === 'acknowledge') return false;
	if (opts.reply === 'transfer') return true;
	const content = fields.Content;
	if (String(fields.MsgType).toLowerCase() !== 'text' || typeof content !== 'string') return false;
	const lower = content.toLowerCase();
	return opts.transferKeywords.some((k) => k !== '' && lower.includes(k.toLowerCase()));
}

function accept(s: PushSettings, req: PushRequest, opts: TriggerOptions, deps: ReceiveDeps): PushAnswer {
	const nowMs = deps.now();
	if ((req.rawBody?.length ?? 0) > MAX_BODY_BYTES) throw new PushRejected(413, 'The body is larger than 1 MiB');
	const { xml, encrypted, key: usedKey } = open(s, req, opts, deps, nowMs);
	const fields = parseWeChatXml(xml);
	// A compatible-mode push read without a key: the item is the message, not the envelope.
	if (!encrypted) delete fields.Encrypt;
	const message = readMessage(fields);
	const type = pushType(message);
	if (!opts.events.includes('*') && !opts.events.includes(type)) {
		return { status: 200, contentType: TEXT, body: SUCCESS, note: `"${type}" is not among the selected events` };
	}
	const key = dedupKey(`${s.fingerprint}|${opts.scope}`, message);
	if (opts.deduplicate) {
		const seen = deps.dedup.get(key);
		if (seen) return { ...seen, note: 'a repeat of a push already received' };
	}
	const reply: PushReply = wantsTransfer(opts, message.fields, isEvent(message)) ? 'transfer_customer_service' : SUCCESS;
	let answer: StoredAnswer = { status: 200, contentType: TEXT, body: SUCCESS };
	if (reply !== SUCCESS) {
		const now = Math.floor(nowMs / 1000);
		const plain = transferReplyXml(message, now, opts.transferKfAccount || undefined);
		const body = usedKey
			? encryptedReplyXml(plain, { token: s.token, aesKey: usedKey.aesKey, appId: s.appId as string }, now)
			: plain;
		answer = { status: 200, contentType: XML, body };
	}
	if (opts.deduplicate) deps.dedup.remember(key, answer);
	const rawXml = opts.includeRawXml ? xml.toString('utf8') : undefined;
	const item = toItem(message, { encrypted, encryptionKey: usedKey?.which, reply, timeZone: opts.timeZone, rawXml });
	return { ...answer, item };
}

/**
 * Everything the trigger answers, decided before any workflow runs: URL verification (GET),
 * pushes (POST) and every refusal. Never throws.
 */
export function receivePush(s: PushSettings, req: PushRequest, opts: TriggerOptions, deps: ReceiveDeps): PushAnswer {
	try {
		if (req.method === 'GET') {
			refuseBadSignature(s, req.query, opts, deps.now());
			return verify(req);
		}
		return accept(s, req, opts, deps);
	} catch (error) {
		if (error instanceof PushRejected) return rejection(error);
		// A bug, not the request's fault: still an answer, so that n8n records no error execution.
		const reason = error instanceof Error ? error.message : String(error);
		return { status: 500, contentType: TEXT, body: 'The push could not be read', note: `unexpected failure: ${reason}` };
	}
}
