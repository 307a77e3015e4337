import { WeChatTransportError, isNeverConnectedCode } from './transport/errors';
import { redact } from './transport/redact';

/** Who answered with an errcode: WeChat, WeCom, or the central token server speaking its protocol. */
export type RefusalSource = 'WeChat' | 'WeCom' | 'Token server';

/** What a family says about its errcodes: each family keeps its own table of them. */
export interface RefusalWording {
	/** What happened, in one plain sentence that leads the message ('' when the table has none). */
	summaryFor(errcode: number, path: string): string;
	/** What to do about it (the description). */
	hintFor(errcode: number, path: string): string;
}

/** An errcode in plain words: `what` happened (leads the message) and what to `do` (the description). */
export interface RefusalWords {
	what: string;
	do: string;
}

export interface OutcomeCheck {
	done: string;
	then: string;
}

const UNKNOWN_OUTCOME: OutcomeCheck = { done: 'done it', then: 'check before running it again' };

export interface Refusal {
	errcode: number;
	errmsg: string;
	path?: string;
	attempts?: number;
	hint?: string;
	/** What happened, in one plain sentence that leads the message. */
	summary?: string;
	source?: RefusalSource;
}

/** WeChat ends most errmsgs with "rid: <request id>"; users need it apart, for WeChat's support. */
function splitRid(errmsg: string): { text: string; rid?: string } {
	const m = /^(.*?)\s*\brid:\s*(\S+)\s*$/s.exec(errmsg);
	return m ? { text: m[1], rid: m[2] } : { text: errmsg.trim() };
}

/**
 * The one wording of a refusal: `node` is the message of an execution error (what happened in plain
 * words, then `WeChat: errmsg (errcode N)`: n8n's toast shows only the message), `credential` the
 * single line of the credential test, `error` the error's own message (logs).
 */
export function refusalMessage(r: Refusal, style: 'node' | 'credential' | 'error'): string {
	if (style === 'error') return `WeChat error ${r.errcode} on ${r.path ?? ''}: ${r.errmsg}${r.hint ? ` — ${r.hint}` : ''}`;
	const words = `${r.source ?? 'WeChat'}: ${splitRid(r.errmsg).text} (errcode ${r.errcode})`;
	const message = r.summary ? `${r.summary} ${words}` : words;
	if (style === 'node') return message;
	const description = refusalDescription(r);
	return description ? `${message}. ${description}` : message;
}

/** The description of a refusal: the hint once, how often it was tried, then WeChat's rid. */
export function refusalDescription(r: Refusal): string {
	const { rid } = splitRid(r.errmsg);
	const parts = [r.hint, (r.attempts ?? 1) > 1 ? `Tried ${r.attempts} times.` : '', rid ? `rid: ${rid}` : ''];
	return parts.filter(Boolean).join(' ');
}

/** WeChat (or the token server) answered with `errcode != 0`. */
export class WeChatApiError extends Error {
	readonly errcode: number;
	readonly errmsg: string;
	readonly hint: string;
	readonly summary: string;
	readonly path: string;
	/** Whether the client already retried the call (busy / token refresh) before giving up. */
	readonly attempts: number;
	readonly source: RefusalSource;

	constructor(args: {
		errcode: number;
		errmsg: string;
		path: string;
		attempts?: number;
		hint?: string;
		source?: RefusalSource;
		/** The family's errcode table; the hint and summary come from it unless given. */
		wording?: RefusalWording;
		summary?: string;
	}) {
		const fromApi = args.source !== 'Token server';
		const hint = args.hint ?? (fromApi ? (args.wording?.hintFor(args.errcode, args.path) ?? '') : '');
		super(refusalMessage({ ...args, hint }, 'error'));
		this.summary =
			args.summary ??
			(fromApi ? (args.wording?.summaryFor(args.errcode, args.path) ?? '') : 'The token server refused to hand out an access_token.');
		this.name = 'WeChatApiError';
		this.errcode = args.errcode;
		this.errmsg = args.errmsg;
		this.hint = hint;
		this.path = args.path;
		this.attempts = args.attempts ?? 1;
		this.source = args.source ?? 'WeChat';
	}

	/** The same refusal in the words an operation has for this errcode. */
	inWords(words: RefusalWords): WeChatApiError {
		const { errcode, errmsg, path, attempts, source } = this;
		return new WeChatApiError({ errcode, errmsg, path, attempts, source, hint: words.do, summary: words.what });
	}
}

/** Bad input caught by the client before any request was sent. */
export class WeChatInputError extends Error {
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.name = 'WeChatInputError';
		this.field = field;
	}
}

/** One side a request goes to, named as the user knows it, with the credential field that sets it. */
export interface Endpoint {
	name: string;
	setting?: string;
}

export const WECHAT_API: Endpoint = { name: 'the WeChat API host', setting: 'API Host (or Base URL)' };
export const TOKEN_SERVER: Endpoint = { name: 'the token server', setting: 'Token Server URL' };
export const AVATAR_URL: Endpoint = { name: 'the avatar URL' };
export const MEDIA_URL: Endpoint = { name: 'the media URL' };
const PROXY: Endpoint = { name: 'the proxy', setting: 'Proxy URL' };

/** The call as WeChat's documentation names it: /cgi-bin/customservice/getkflist → getkflist. */
export function callName(path: string): string {
	return path.replace(/^\/cgi-bin\//, '/').replace(/^\/customservice\//, '/').replace(/^\//, '');
}

function hostOf(url: string | undefined): string {
	return url && URL.canParse(url) ? new URL(url).host : 'the configured address';
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function unreachable(code: string | undefined, at: Endpoint, host: string, suffix: string): { message: string; hint?: string } {
	const check = `Check that ${at.name} is running and reachable from n8n${at.setting ? `, and the credential's ${at.setting}` : ''}.`;
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return { message: `Could not find ${at.name}: no address for ${host}${suffix}`, hint: `Nothing was sent. ${check} (${code})` };
	}
	const why = code === 'ECONNREFUSED' ? 'the connection was refused' : 'no connection could be made';
	return { message: `Could not connect to ${at.name} at ${host}: ${why}${suffix}`, hint: `Nothing was sent. ${check} (${code})` };
}

/**
 * The transport's failure in words that name the side that failed (`endpoint`, or the proxy),
 * its host (never a path, query or password) and the call, with a hint as the description.
 */
export function endpointFailure(
	error: unknown,
	endpoint: Endpoint,
	options: { call?: string; proxyUrl?: string; url?: string } = {},
): unknown {
	if (!(error instanceof WeChatTransportError) || error.failure === 'cancelled' || error.failure === 'invalidResponse') return error;
	const host = hostOf(options.url ?? error.path);
	const suffix = options.call ? ` (${options.call})` : '';
	const proxyHost = options.proxyUrl ? hostOf(options.proxyUrl) : '';
	const Name = capital(endpoint.name);
	const words = (message: string, hint?: string) =>
		new WeChatTransportError(error.failure, error.path, message, {
			httpStatus: error.httpStatus,
			code: error.code,
			detail: error.detail,
			snippet: error.snippet,
			timeoutSeconds: error.timeoutSeconds,
			hint: hint ?? error.hint,
		});
	switch (error.failure) {
		case 'timeout':
			return words(`No answer from ${endpoint.name} at ${host} within ${error.timeoutSeconds} s${suffix}`, `The credential's Timeout is ${error.timeoutSeconds} s.`);
		case 'httpStatus':
			return words(`${Name} at ${host} answered HTTP ${error.httpStatus} instead of 200${suffix}`, error.snippet ? `It answered: ${error.snippet}` : undefined);
		case 'blocked':
			return words(
				`n8n refused to connect to ${endpoint.name} at ${host}${suffix}: ${error.detail ?? 'a restricted address'}`,
				`Nothing was sent. n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) blocks loopback, private and link-local addresses; an n8n administrator can allow a host with N8N_SSRF_ALLOWED_HOSTNAMES or N8N_SSRF_ALLOWED_IP_RANGES.`,
			);
		case 'tooLarge':
			return words(`${Name} at ${error.message}`);
		case 'emptyBody':
			return words(`${Name} at ${host} answered with an empty body${suffix}`);
		case 'invalidJson':
			return words(`${Name} at ${host} answered with a body that is not JSON${suffix}`, error.snippet ? `It answered: ${error.snippet}` : undefined);
		default: {
			const tunnel = /Proxy response \((\d+)\)/.exec(error.detail ?? '');
			if (proxyHost && tunnel) {
				const hint =
					tunnel[1] === '407'
						? 'Nothing was sent. The proxy wants a user name and password it accepts: put them in the Proxy URL, e.g. http://user:password@proxy:3128.'
						: `Nothing was sent. The proxy could not or would not open a connection to ${host}.`;
				return words(`The proxy at ${proxyHost} refused to connect to ${endpoint.name} (HTTP ${tunnel[1]})`, hint);
			}
			if (isNeverConnectedCode(error.code)) {
				const { message, hint } = proxyHost ? unreachable(error.code, PROXY, proxyHost, '') : unreachable(error.code, endpoint, host, suffix);
				return words(message, hint);
			}
			if (['ECONNRESET', 'ECONNABORTED', 'EPIPE'].includes(error.code ?? '')) {
				return words(`The connection to ${endpoint.name} at ${host} was closed before it answered${suffix}`);
			}
			return words(`Could not reach ${endpoint.name} at ${host}${suffix}`, error.detail ? `The network said: ${error.detail}` : undefined);
		}
	}
}

/**
 * A change whose outcome is unknown: a timeout, a connection lost after the request went out, an
 * answer that is not WeChat's, or errcode -1. Never retried: WeChat may have done it.
 */
export class WeChatOutcomeUnknownError extends Error {
	readonly path: string;
	readonly reason: WeChatApiError | WeChatTransportError;
	readonly hint: string;
	private readonly service: string;

	constructor(path: string, reason: WeChatApiError | WeChatTransportError, check: OutcomeCheck = UNKNOWN_OUTCOME, service = 'WeChat') {
		const said = reason instanceof WeChatApiError ? refusalMessage(reason, 'node') : reason.message;
		super(`${said}. ${service} may have ${check.done} anyway: ${check.then}`);
		this.name = 'WeChatOutcomeUnknownError';
		this.path = path;
		this.reason = reason;
		this.service = service;
		const detail = reason instanceof WeChatApiError ? (splitRid(reason.errmsg).rid ? `rid: ${splitRid(reason.errmsg).rid}` : '') : (reason.hint ?? '');
		this.hint = [`Not retried: repeating a change that ${service} may already have made could make it twice.`, detail]
			.filter(Boolean)
			.join(' ');
	}

	/** The same error saying what the operation that made the call may have done, and how to check. */
	withCheck(check: OutcomeCheck): WeChatOutcomeUnknownError {
		return new WeChatOutcomeUnknownError(this.path, this.reason, check, this.service);
	}
}

/** The one line a credential test shows: the side that failed, then what to do about it; no secret. */
export function credentialTestMessage(error: unknown, secrets: readonly string[]): string {
	if (error instanceof WeChatApiError) return redact(refusalMessage(error, 'credential'), secrets);
	if (error instanceof WeChatTransportError && error.hint) return redact(`${error.message}. ${error.hint}`, secrets);
	return redact(error instanceof Error ? error.message : String(error), secrets);
}
