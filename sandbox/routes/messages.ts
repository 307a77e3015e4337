import { MESSAGES_PER_CUSTOMER_MESSAGE, SERVICE_WINDOW_SECONDS, type Customer } from '../conversations';
import { wxError } from '../errors';
import type { ReceivedRequest, Route, SandboxContext } from '../types';
import { jsonBody, knownAgent, knownCustomer, requireKf } from './common';

/** Text over this many UTF-8 bytes: 45002 "content size out of limit" (measured by developers). */
export const TEXT_MAX_BYTES = 2048;

type Need = 'required' | 'optional';
type ListShape = { list: Record<string, Need>; min: number; max?: number; tooMany?: number };
type Shape = Record<string, Need | ListShape>;

/**
 * The object each msgtype of message/custom/send carries: required and optional string fields,
 * and lists. Anything else inside it is a format error here, so a misspelt field cannot pass.
 */
const SHAPES: Record<string, Shape> = {
	text: { content: 'required' },
	image: { media_id: 'required' },
	voice: { media_id: 'required' },
	video: { media_id: 'required', thumb_media_id: 'required', title: 'optional', description: 'optional' },
	music: {
		title: 'optional',
		description: 'optional',
		musicurl: 'required',
		hqmusicurl: 'required',
		thumb_media_id: 'required',
	},
	news: {
		articles: {
			list: { title: 'required', description: 'optional', url: 'required', picurl: 'optional' },
			min: 1,
			max: 1,
			tooMany: 45008,
		},
	},
	mpnews: { media_id: 'required' },
	mpnewsarticle: { article_id: 'required' },
	msgmenu: {
		head_content: 'optional',
		list: { list: { id: 'required', content: 'required' }, min: 1 },
		tail_content: 'optional',
	},
	wxcard: { card_id: 'required' },
	miniprogrampage: { title: 'required', appid: 'required', pagepath: 'required', thumb_media_id: 'required' },
};

function formatError(where: string, problem: string): never {
	throw wxError(47001, `data format error: ${where} ${problem}`);
}

function checkObject(value: unknown, shape: Shape, where: string): void {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) formatError(where, 'must be an object');
	const obj = value as Record<string, unknown>;
	for (const key of Object.keys(obj)) if (!(key in shape)) formatError(`${where}.${key}`, 'is not a field of this type');
	for (const [key, need] of Object.entries(shape)) {
		const field = obj[key];
		if (typeof need === 'object') {
			if (!Array.isArray(field)) formatError(`${where}.${key}`, 'must be a list');
			if (need.max !== undefined && field.length > need.max) {
				throw wxError(need.tooMany ?? 47001, `article size out of limit: ${where}.${key} has ${field.length}`);
			}
			if (field.length < need.min) formatError(`${where}.${key}`, `needs at least ${need.min} entry`);
			field.forEach((entry, i) => checkObject(entry, need.list, `${where}.${key}[${i}]`));
			continue;
		}
		if (field === undefined) {
			if (need === 'required') formatError(`${where}.${key}`, 'is missing');
			continue;
		}
		if (typeof field !== 'string') formatError(`${where}.${key}`, 'must be a string');
		if (need === 'required' && field === '') formatError(`${where}.${key}`, 'is empty');
	}
}

/** The customer wrote within 48 hours, or 45015; returns now. */
function requireWindow(sb: SandboxContext, customer: Customer): number {
	const now = sb.clock.now();
	if (now - customer.lastMessageAt > SERVICE_WINDOW_SECONDS) {
		throw wxError(45015, 'response out of time limit or subscription is canceled');
	}
	return now;
}

/** message/custom/send: shape per msgtype, then the customer's 48-hour window and quota. */
function sendMessage(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const body = jsonBody(req);
	if (typeof body.touser !== 'string' || !body.touser) formatError('touser', 'is missing');
	const msgtype = body.msgtype;
	if (typeof msgtype !== 'string' || !(msgtype in SHAPES)) throw wxError(40008, 'invalid message type');
	for (const key of Object.keys(body)) {
		if (!['touser', 'msgtype', 'customservice', msgtype].includes(key)) formatError(key, 'is not expected');
	}
	checkObject(body[msgtype], SHAPES[msgtype], msgtype);
	if (msgtype === 'text') {
		const content = (body.text as { content: string }).content;
		if (Buffer.byteLength(content, 'utf8') > TEXT_MAX_BYTES) throw wxError(45002, 'content size out of limit');
	}
	let kfAccount: string | undefined;
	if (body.customservice !== undefined) {
		checkObject(body.customservice, { kf_account: 'required' }, 'customservice');
		kfAccount = knownAgent(sb, (body.customservice as { kf_account: string }).kf_account).kf_account;
	}
	const customer = knownCustomer(sb, body.touser);
	const now = requireWindow(sb, customer);
	if (customer.sentSinceLastMessage >= MESSAGES_PER_CUSTOMER_MESSAGE) {
		throw wxError(45047, 'out of response count limit');
	}
	customer.sentSinceLastMessage += 1;
	sb.state.conversations.sent.push({ touser: customer.openid, msgtype, body, kf_account: kfAccount, at: now });
	return { json: { errcode: 0, errmsg: 'ok' } };
}

/** message/custom/typing: Typing or CancelTyping to a customer inside the window. */
function typing(req: ReceivedRequest, sb: SandboxContext) {
	requireKf(req, sb);
	const body = jsonBody(req);
	checkObject(body, { touser: 'required', command: 'required' }, 'body');
	const command = body.command;
	if (command !== 'Typing' && command !== 'CancelTyping') formatError('command', 'must be Typing or CancelTyping');
	const customer = knownCustomer(sb, body.touser);
	const now = requireWindow(sb, customer);
	sb.state.conversations.typing.push({ openid: customer.openid, command, at: now });
	return { json: { errcode: 0, errmsg: 'ok' } };
}

export const messageRoutes: Route[] = [
	{ method: 'POST', path: '/cgi-bin/message/custom/send', handler: sendMessage },
	{ method: 'POST', path: '/cgi-bin/message/custom/typing', handler: typing },
];
