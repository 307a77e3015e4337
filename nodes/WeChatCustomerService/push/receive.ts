import { decryptMessage } from './crypto';
import { PushDeduplicator, dedupKey, type StoredAnswer } from './dedup';
import { MAX_BODY_BYTES, PushRejected } from './errors';
import { isEvent, pushType, readMessage, toItem, type PushItem, type PushReply } from './message';
import { SUCCESS, encryptedReplyXml, transferReplyXml } from './reply';
import type { PushSettings } from './settings';
import { pushSignature, signatureMatches } from './signature';
import { parseWeChatXml } from './xml';

export type ReplyMode = 'acknowledge' | 'transfer' | 'transferOnKeywords';

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

export interface PushRequest {
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

export interface ReceiveDeps {
	dedup: PushDeduplicator;
	/** Unix milliseconds. */
	now: () => number;
}

const TEXT = 'text/plain; charset=utf-8';
const XML = 'text/xml; charset=utf-8';

/** A refusal as an answer, so that no exception reaches n8n (which would record an error execution). */
export function rejection(error: PushRejected): PushAnswer {
	return { status: error.status, contentType: TEXT, body: error.message, note: error.message };
}

function queryString(query: Record<string, unknown>, name: string): string | undefined {
	const value = query[name];
	return typeof value === 'string' ? value : undefined;
}

function checkTimestamp(timestamp: string, maxAgeSeconds: number, nowMs: number): void {
	if (!/^\d{1,12}$/.test(timestamp)) throw new PushRejected(401, 'The timestamp is missing or not a number');
	if (maxAgeSeconds > 0 && Math.abs(nowMs / 1000 - Number(timestamp)) > maxAgeSeconds) {
		throw new PushRejected(401, `The timestamp is more than ${maxAgeSeconds} seconds away from this server's clock`);
	}
}

/** The three-string signature over token, timestamp, nonce (GET and plain POST). */
function checkSignature(s: PushSettings, query: Record<string, unknown>, opts: TriggerOptions, nowMs: number) {
	const timestamp = queryString(query, 'timestamp') ?? '';
	const nonce = queryString(query, 'nonce') ?? '';
	if (!signatureMatches(pushSignature(s.token, timestamp, nonce), query.signature)) {
		throw new PushRejected(401, 'The signature is not valid');
	}
	checkTimestamp(timestamp, opts.maxAgeSeconds, nowMs);
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
}

function open(s: PushSettings, req: PushRequest, opts: TriggerOptions, nowMs: number): Opened {
	const body = req.rawBody ?? Buffer.alloc(0);
	const encryptType = queryString(req.query, 'encrypt_type');
	if (encryptType === undefined || encryptType === '' || encryptType === 'raw') {
		checkSignature(s, req.query, opts, nowMs);
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
	if (req.query.signature !== undefined) checkSignature(s, req.query, opts, nowMs);
	else checkTimestamp(timestamp, opts.maxAgeSeconds, nowMs);
	if (!s.aesKey || !s.appId) {
		throw new PushRejected(401, 'The push is encrypted but the credential has no EncodingAESKey and AppID');
	}
	return { xml: decryptMessage(s.aesKey, encrypt, s.appId), encrypted: true };
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
	const { xml, encrypted } = open(s, req, opts, nowMs);
	const message = readMessage(parseWeChatXml(xml));
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
		const body = encrypted
			? encryptedReplyXml(plain, { token: s.token, aesKey: s.aesKey as Buffer, appId: s.appId as string }, now)
			: plain;
		answer = { status: 200, contentType: XML, body };
	}
	if (opts.deduplicate) deps.dedup.remember(key, answer);
	const rawXml = opts.includeRawXml ? xml.toString('utf8') : undefined;
	return { ...answer, item: toItem(message, { encrypted, reply, timeZone: opts.timeZone, rawXml }) };
}

/**
 * Everything the trigger answers, decided before any workflow runs: URL verification (GET),
 * pushes (POST) and every refusal. Never throws.
 */
export function receivePush(s: PushSettings, req: PushRequest, opts: TriggerOptions, deps: ReceiveDeps): PushAnswer {
	try {
		if (req.method === 'GET') {
			checkSignature(s, req.query, opts, deps.now());
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
