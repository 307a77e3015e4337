// Faults: the token server, the WeChat API host, a proxy or the avatar URL fails, or WeChat
// answers in an unexpected shape. Each row names the side that failed; writes whose outcome is
// unknown are never repeated.
import { BUILTIN_AVATAR } from '../../sandbox/avatars';
import { SECRETS, TOKEN_SERVER_HEADER, TOKEN_SERVER_PATH, type Env, type Row } from './table';
import { LI, WANG, ALICE } from '../helpers/demo';

const STABLE = 'POST /cgi-bin/stable_token';
const TOKEN_SERVER = `GET ${TOKEN_SERVER_PATH}`;
const KF_LIST = 'GET /cgi-bin/customservice/getkflist';
const ONLINE = 'GET /cgi-bin/customservice/getonlinekflist';
const SEND = 'POST /cgi-bin/message/custom/send';

const TIMEOUT = { timeoutSeconds: 1 };
const SLOW = 3000;

const tokenServer = (e: Env, headerValue: string = SECRETS.headerValue) => ({
	source: 'tokenServer',
	tokenServerUrl: `http://${e.tokenServer}${TOKEN_SERVER_PATH}`,
	serverHeaderName: TOKEN_SERVER_HEADER,
	tokenServerHeaderValue: headerValue,
});
const viaRelay = (e: Env) => ({ baseUrl: `http://${e.relay}` });
/** The relay resets the connection of `path` once the sandbox has answered. */
const cut = (path: string) => (e: Env) => void e.cut.add(path);
/** The sandbox answers `path` with `json` instead of its own answer. */
const answer = (e: Env, method: 'GET' | 'POST', path: string, json: unknown) =>
	e.sb.addRoute({ method, path, handler: () => ({ json }) });

const text = { openid: LI, messageType: 'text', text: '您好，订单已发货' };
const sentOnce = (e: Env) => {
	if (e.sb.state.conversations.sentTo(LI).length !== 1) throw new Error('the sandbox should have sent the message once');
};
const maySend = 'WeChat may have sent the message anyway: check with Record → Get Many before sending it again';
const NOT_RETRIED = 'Not retried: repeating a change that WeChat may already have made could make it twice.';
const SHAPE =
	'WeChat answered without an error but not in its documented form, so nothing was output. Try again; if it keeps happening, check what sits between n8n and WeChat (the API Host or a proxy).';

const tokenFaults: Row[] = [
	{
		when: 'The token server is down (connection refused)',
		does: 'Stops before calling WeChat; names the token server',
		resource: 'agent',
		operation: 'getAll',
		credential: (e) => ({ ...tokenServer(e), tokenServerUrl: `http://${e.closed}${TOKEN_SERVER_PATH}` }),
		requests: [],
		message: (e) => `Could not connect to the token server at ${e.closed}: the connection was refused`,
		description: () =>
			"Nothing was sent. Check that the token server is running and reachable from n8n, and the credential's Token Server URL. (ECONNREFUSED)",
	},
	{
		when: 'The token server answers HTTP 500',
		does: 'Stops before calling WeChat; not retried',
		resource: 'agent',
		operation: 'getAll',
		credential: tokenServer,
		setup: (e) => e.sb.setFault(TOKEN_SERVER_PATH, { httpStatus: 500 }),
		requests: [TOKEN_SERVER],
		message: (e) => `The token server at ${e.tokenServer} answered HTTP 500 instead of 200`,
		description: () => 'It answered: <html>500 Server Error</html>',
	},
	{
		when: 'The token server answers something that is not JSON',
		does: 'Stops before calling WeChat',
		resource: 'agent',
		operation: 'getAll',
		credential: tokenServer,
		setup: (e) => e.sb.setFault(TOKEN_SERVER_PATH, { malformedJson: true }),
		requests: [TOKEN_SERVER],
		message: (e) => `The token server at ${e.tokenServer} answered with a body that is not JSON`,
		description: () => 'It answered: {"errcode":0,"errmsg":"ok",',
	},
	{
		when: 'The token server answers JSON without an access_token',
		does: 'Stops before calling WeChat',
		resource: 'agent',
		operation: 'getAll',
		credential: tokenServer,
		setup: (e) => answer(e, 'GET', TOKEN_SERVER_PATH, { token: 'x' }),
		requests: [TOKEN_SERVER],
		message: (e) => `The token server at ${e.tokenServer} answered without an access_token`,
	},
	{
		when: 'The token server refuses (wrong header value)',
		does: "Reports the token server's errcode and errmsg",
		resource: 'agent',
		operation: 'getAll',
		credential: (e) => tokenServer(e, SECRETS.wrongHeaderValue),
		requests: [TOKEN_SERVER],
		message: () => 'The token server refused to hand out an access_token. Token server: wrong token server key (errcode 40001)',
	},
	{
		when: 'The token server does not answer in time',
		does: 'Gives up after the credential’s Timeout',
		resource: 'agent',
		operation: 'getAll',
		credential: (e) => ({ ...tokenServer(e), ...TIMEOUT }),
		setup: (e) => e.sb.setFault(TOKEN_SERVER_PATH, { delayMs: SLOW }),
		requests: [TOKEN_SERVER],
		message: (e) => `No answer from the token server at ${e.tokenServer} within 1 s`,
		description: () => "The credential's Timeout is 1 s.",
	},
	{
		when: 'The WeChat API host is down (connection refused)',
		does: 'Stops at the token request; names the API host',
		resource: 'agent',
		operation: 'getAll',
		credential: (e) => ({ baseUrl: `http://${e.closed}` }),
		requests: [],
		message: (e) => `Could not connect to the WeChat API host at ${e.closed}: the connection was refused (stable_token)`,
		description: () =>
			"Nothing was sent. Check that the WeChat API host is running and reachable from n8n, and the credential's API Host (or Base URL). (ECONNREFUSED)",
	},
	{
		when: 'The WeChat API host name does not resolve',
		does: 'Stops at the token request',
		resource: 'agent',
		operation: 'getAll',
		credential: () => ({ baseUrl: 'http://no-such-host.invalid' }),
		requests: [],
		message: () => 'Could not find the WeChat API host: no address for no-such-host.invalid (stable_token)',
	},
	{
		when: 'The token request answers HTTP 502',
		does: 'Stops before the kf call',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => e.sb.setFault('/cgi-bin/stable_token', { httpStatus: 502 }),
		requests: [STABLE],
		message: (e) => `The WeChat API host at ${e.api} answered HTTP 502 instead of 200 (stable_token)`,
	},
	{
		when: 'The AppSecret is wrong',
		does: "Reports WeChat's words and a hint; the secret is never shown",
		resource: 'agent',
		operation: 'getAll',
		credential: () => ({ appSecret: SECRETS.wrongSecret }),
		requests: [STABLE],
		message: () => 'The AppSecret is wrong. WeChat: invalid appsecret (errcode 40125)',
		description: () =>
			'Copy it again, or reset it in the Official Account platform (Basic Configuration). ‹rid›',
	},
	{
		when: 'This server’s IP is not in the IP whitelist',
		does: 'Reports the IP WeChat saw and where to add it',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => {
			e.sb.state.apps.get(SECRETS.appId)!.ipNotWhitelisted = '203.0.113.7';
		},
		requests: [STABLE],
		message: () => 'This server’s IP address is not in the Official Account’s IP whitelist. WeChat: invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist (errcode 40164)',
	},
	{
		when: 'A fixed access token is rejected',
		does: 'Not refreshed (it cannot be); says to paste a new one',
		resource: 'agent',
		operation: 'getAll',
		credential: () => ({ source: 'accessToken', accessToken: SECRETS.fixedToken }),
		requests: [KF_LIST],
		message: () => 'WeChat did not accept the access_token. WeChat: invalid credential, access_token is invalid or not latest (errcode 40001)',
		description: () =>
			'The credential uses a fixed access token, which cannot be refreshed. Paste a current token, or switch the Token Source to Stable Token. ‹rid›',
	},
];

const readFaults: Row[] = [
	{
		when: 'The WeChat API host answers HTTP 500',
		does: 'Not retried; names the call',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => e.sb.setFault('/cgi-bin/customservice/getkflist', { httpStatus: 500 }),
		requests: [STABLE, KF_LIST],
		message: (e) => `The WeChat API host at ${e.api} answered HTTP 500 instead of 200 (getkflist)`,
	},
	{
		when: 'The WeChat API host answers an empty body',
		does: 'Names the call',
		resource: 'agent',
		operation: 'getOnline',
		setup: (e) => e.sb.setFault('/cgi-bin/customservice/getonlinekflist', { emptyBody: true }),
		requests: [STABLE, ONLINE],
		message: (e) => `The WeChat API host at ${e.api} answered with an empty body (getonlinekflist)`,
	},
	{
		when: 'The WeChat API host answers something that is not JSON',
		does: 'Names the call',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => e.sb.setFault('/cgi-bin/customservice/getkflist', { malformedJson: true }),
		requests: [STABLE, KF_LIST],
		message: (e) => `The WeChat API host at ${e.api} answered with a body that is not JSON (getkflist)`,
	},
	{
		when: 'A read gets no answer in time',
		does: 'Gives up after the credential’s Timeout',
		resource: 'agent',
		operation: 'getAll',
		credential: () => TIMEOUT,
		setup: (e) => e.sb.setFault('/cgi-bin/customservice/getkflist', { delayMs: SLOW }),
		requests: [STABLE, KF_LIST],
		message: (e) => `No answer from the WeChat API host at ${e.api} within 1 s (getkflist)`,
	},
	{
		when: 'The connection drops during a read',
		does: 'Names the API host and the call',
		resource: 'agent',
		operation: 'getAll',
		credential: viaRelay,
		setup: cut('/cgi-bin/customservice/getkflist'),
		requests: [STABLE, KF_LIST],
		message: (e) => `The connection to the WeChat API host at ${e.relay} was closed before it answered (getkflist)`,
	},
	{
		when: 'WeChat answers errcode 0 without the list',
		does: 'An error naming the call and the field, never 0 items',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => answer(e, 'GET', '/cgi-bin/customservice/getkflist', { errcode: 0, errmsg: 'ok' }),
		requests: [STABLE, KF_LIST],
		message: () => 'WeChat\'s answer to getkflist has no "kf_list" list',
		description: () => SHAPE,
	},
	{
		when: 'WeChat answers a list field that is not a list',
		does: 'An error naming the call and the field',
		resource: 'agent',
		operation: 'getOnline',
		setup: (e) => answer(e, 'GET', '/cgi-bin/customservice/getonlinekflist', { kf_online_list: 'none' }),
		requests: [STABLE, ONLINE],
		message: () => 'WeChat\'s answer to getonlinekflist has "kf_online_list" as text, not a list',
	},
	{
		when: 'WeChat answers JSON that is not an object',
		does: 'An error naming the call, never a TypeError',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => answer(e, 'GET', '/cgi-bin/customservice/getkflist', [{ kf_account: ALICE }]),
		requests: [STABLE, KF_LIST],
		message: () => "WeChat's answer to getkflist is not a JSON object",
	},
	{
		when: 'WeChat answers null',
		does: 'An error naming the call, never a TypeError',
		resource: 'session',
		operation: 'get',
		params: { openid: WANG },
		setup: (e) => answer(e, 'GET', '/customservice/kfsession/getsession', null),
		requests: [STABLE, `GET /customservice/kfsession/getsession`],
		message: () => "WeChat's answer to kfsession/getsession is not a JSON object",
	},
	{
		when: 'An agent’s session list is missing',
		does: 'An error naming the call and the field',
		resource: 'session',
		operation: 'getAll',
		params: { kfAccount: ALICE },
		setup: (e) => answer(e, 'GET', '/customservice/kfsession/getsessionlist', { errcode: 0 }),
		requests: [STABLE, 'GET /customservice/kfsession/getsessionlist'],
		message: () => 'WeChat\'s answer to kfsession/getsessionlist has no "sessionlist" list',
	},
	{
		when: 'The waiting list is null',
		does: 'An error naming the call and the field',
		resource: 'session',
		operation: 'getWaiting',
		setup: (e) => answer(e, 'GET', '/customservice/kfsession/getwaitcase', { count: 3, waitcaselist: null }),
		requests: [STABLE, 'GET /customservice/kfsession/getwaitcase'],
		message: () => 'WeChat\'s answer to kfsession/getwaitcase has "waitcaselist" as null, not a list',
	},
	{
		when: 'A page of chat records is not a list',
		does: 'Stops paging with an error naming the call and the field',
		resource: 'record',
		operation: 'getAll',
		params: () => ({ startTime: new Date(Date.now() - 3600_000).toISOString(), returnAll: true }),
		setup: (e) => answer(e, 'POST', '/customservice/msgrecord/getmsglist', { recordlist: { worker: ALICE }, number: 1, msgid: 2 }),
		requests: [STABLE, 'POST /customservice/msgrecord/getmsglist'],
		message: () => 'WeChat\'s answer to msgrecord/getmsglist has "recordlist" as an object, not a list',
	},
	{
		when: 'The user stops the execution while chat records are paged',
		does: 'No further page is requested',
		resource: 'record',
		operation: 'getAll',
		params: () => ({ startTime: new Date(Date.now() - 3600_000).toISOString(), returnAll: true, options: { pageSize: 1 } }),
		setup: (e) =>
			e.sb.addRoute({
				method: 'POST',
				path: '/customservice/msgrecord/getmsglist',
				handler: (req) => {
					e.abort.abort();
					const cursor = (req.json as { msgid: number }).msgid;
					const record = { worker: ALICE, openid: LI, opercode: 2002, text: 'hi', time: Math.floor(Date.now() / 1000) - 60 };
					return { json: { recordlist: [record], number: 1, msgid: cursor + 1 } };
				},
			}),
		requests: [STABLE, 'POST /customservice/msgrecord/getmsglist'],
		cancelled: true,
	},
	{
		when: 'WeChat is busy (-1) twice during a read',
		does: 'Retries after 0.5 s, 1 s (capped backoff); the item succeeds',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => e.sb.setFault('/cgi-bin/customservice/getkflist', { errcode: -1, times: 2 }),
		requests: [STABLE, KF_LIST, KF_LIST, KF_LIST],
	},
	{
		when: 'WeChat stays busy (-1) during a read',
		does: 'Gives up after 3 retries',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => e.sb.setFault('/cgi-bin/customservice/getkflist', { errcode: -1 }),
		requests: [STABLE, KF_LIST, KF_LIST, KF_LIST, KF_LIST],
		message: () => 'WeChat is busy. WeChat: system error (errcode -1)',
		description: () =>
			'Reads are retried automatically (up to 3 times); a change such as sending a message or creating a session is not retried automatically, because WeChat may already have done it: check before running it again. Tried 4 times. ‹rid›',
	},
	{
		when: 'WeChat says “too frequent” (45011) once',
		does: 'Retries after a short wait; the item succeeds',
		resource: 'agent',
		operation: 'getOnline',
		setup: (e) => e.sb.setFault('/cgi-bin/customservice/getonlinekflist', { errcode: 45011, times: 1 }),
		requests: [STABLE, ONLINE, ONLINE],
	},
	{
		when: 'The daily API quota is used up (45009)',
		does: 'Never retried',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => e.sb.setFault('/cgi-bin/customservice/getkflist', { errcode: 45009 }),
		requests: [STABLE, KF_LIST],
		message: () => 'The Official Account’s daily API quota is used up. WeChat: reach max api daily quota limit (errcode 45009)',
		description: () =>
			'It is not retried; it resets at midnight China time, or an administrator can clear it in the Official Account platform. ‹rid›',
	},
	{
		when: 'WeChat rejects the token once (40001)',
		does: 'Fetches a token once more and retries once; the item succeeds',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => e.sb.setFault('/cgi-bin/customservice/getkflist', { errcode: 40001, times: 1 }),
		requests: [STABLE, KF_LIST, STABLE, KF_LIST],
	},
	{
		when: 'WeChat keeps rejecting the token (42001)',
		does: 'One refresh and one retry, then stops: no loop',
		resource: 'agent',
		operation: 'getAll',
		setup: (e) => e.sb.setFault('/cgi-bin/customservice/getkflist', { errcode: 42001, errmsg: 'access_token expired' }),
		requests: [STABLE, KF_LIST, STABLE, KF_LIST],
		message: () => 'The access_token has expired. WeChat: access_token expired (errcode 42001)',
	},
];

const writeFaults: Row[] = [
	{
		when: 'WeChat answers -1 to a message send',
		does: 'Not retried (WeChat may have sent it); says how to check',
		resource: 'message',
		operation: 'send',
		params: text,
		setup: (e) => e.sb.setFault('/cgi-bin/message/custom/send', { errcode: -1 }),
		requests: [STABLE, SEND],
		message: () => `WeChat is busy. WeChat: system error (errcode -1). ${maySend}`,
		description: () => `${NOT_RETRIED} ‹rid›`,
	},
	{
		when: 'A message send gets no answer in time',
		does: 'Not retried; says how to check',
		resource: 'message',
		operation: 'send',
		params: text,
		credential: () => TIMEOUT,
		setup: (e) => e.sb.setFault('/cgi-bin/message/custom/send', { delayMs: SLOW }),
		requests: [STABLE, SEND],
		message: (e) => `No answer from the WeChat API host at ${e.api} within 1 s (message/custom/send). ${maySend}`,
		description: () => `${NOT_RETRIED} The credential's Timeout is 1 s.`,
	},
	{
		when: 'The connection drops after a message was sent',
		does: 'Not retried (WeChat did send it); says how to check',
		resource: 'message',
		operation: 'send',
		params: text,
		credential: viaRelay,
		setup: cut('/cgi-bin/message/custom/send'),
		requests: [STABLE, SEND],
		message: (e) =>
			`The connection to the WeChat API host at ${e.relay} was closed before it answered (message/custom/send). ${maySend}`,
		after: sentOnce,
	},
	{
		when: 'WeChat’s answer to a message send is cut after its headers',
		does: 'Not retried (WeChat did send it); says how to check',
		resource: 'message',
		operation: 'send',
		params: text,
		credential: viaRelay,
		setup: (e) => void e.afterHeaders.set('/cgi-bin/message/custom/send', 'cut'),
		requests: [STABLE, SEND],
		message: (e) =>
			`The connection to the WeChat API host at ${e.relay} was closed before it answered (message/custom/send). ${maySend}`,
		after: sentOnce,
	},
	{
		when: 'WeChat’s answer to a message send stalls after its headers',
		does: 'Not retried (WeChat did send it); says how to check',
		resource: 'message',
		operation: 'send',
		params: text,
		credential: (e) => ({ ...viaRelay(e), ...TIMEOUT }),
		setup: (e) => void e.afterHeaders.set('/cgi-bin/message/custom/send', 'stall'),
		requests: [STABLE, SEND],
		message: (e) => `No answer from the WeChat API host at ${e.relay} within 1 s (message/custom/send). ${maySend}`,
		description: () => `${NOT_RETRIED} The credential's Timeout is 1 s.`,
		after: sentOnce,
	},
	{
		when: 'WeChat answers -1 to an account create',
		does: 'Not retried; says to check Agent → Get Many',
		resource: 'account',
		operation: 'create',
		params: { kfAccount: 'newbie@sandbox_oa', nickname: '新人' },
		setup: (e) => e.sb.setFault('/customservice/kfaccount/add', { errcode: -1 }),
		requests: [STABLE, 'POST /customservice/kfaccount/add'],
		message: () =>
			'WeChat is busy. WeChat: system error (errcode -1). WeChat may have created the account anyway: check with Agent → Get Many before running it again',
	},
	{
		when: 'The connection drops after an account update',
		does: 'Not retried; says to check Agent → Get Many',
		resource: 'account',
		operation: 'update',
		params: { kfAccount: ALICE, nickname: 'Alice' },
		credential: viaRelay,
		setup: cut('/customservice/kfaccount/update'),
		requests: [STABLE, 'POST /customservice/kfaccount/update'],
		message: (e) =>
			`The connection to the WeChat API host at ${e.relay} was closed before it answered (kfaccount/update). WeChat may have updated the account anyway: check with Agent → Get Many before running it again`,
	},
	{
		when: 'An account delete gets no answer in time',
		does: 'Not retried; says to check Agent → Get Many',
		resource: 'account',
		operation: 'delete',
		params: { kfAccount: 'dave@sandbox_oa' },
		credential: () => TIMEOUT,
		setup: (e) => e.sb.setFault('/customservice/kfaccount/del', { delayMs: SLOW }),
		requests: [STABLE, 'POST /customservice/kfaccount/del'],
		message: (e) =>
			`No answer from the WeChat API host at ${e.api} within 1 s (kfaccount/del). WeChat may have deleted the account anyway: check with Agent → Get Many before running it again`,
	},
	{
		when: 'WeChat answers -1 to an invitation',
		does: 'Not retried; says to check the invite status',
		resource: 'account',
		operation: 'invite',
		params: { kfAccount: 'dave@sandbox_oa', inviteWx: 'dave_wx' },
		setup: (e) => e.sb.setFault('/customservice/kfaccount/inviteworker', { errcode: -1 }),
		requests: [STABLE, 'POST /customservice/kfaccount/inviteworker'],
		message: () =>
			'WeChat is busy. WeChat: system error (errcode -1). WeChat may have sent the invitation anyway: check invite_status with Agent → Get Many before running it again',
	},
	{
		when: 'WeChat answers -1 to an avatar upload',
		does: 'Not retried; says to check Avatar → Download',
		resource: 'avatar',
		operation: 'upload',
		params: { kfAccount: ALICE, binaryPropertyName: 'data' },
		items: [{}],
		binary: [{ property: 'data', base64: BUILTIN_AVATAR.toString('base64'), fileName: 'alice.jpg', mimeType: 'image/jpeg' }],
		setup: (e) => e.sb.setFault('/customservice/kfaccount/uploadheadimg', { errcode: -1 }),
		requests: [STABLE, 'POST /customservice/kfaccount/uploadheadimg'],
		message: () =>
			'WeChat is busy. WeChat: system error (errcode -1). WeChat may have set the avatar anyway: check with Avatar → Download before running it again',
	},
	{
		when: 'The connection drops after a session create',
		does: 'Not retried; says to check Session → Get',
		resource: 'session',
		operation: 'create',
		params: { kfAccount: ALICE, openid: LI },
		credential: viaRelay,
		setup: cut('/customservice/kfsession/create'),
		requests: [STABLE, 'POST /customservice/kfsession/create'],
		message: (e) =>
			`The connection to the WeChat API host at ${e.relay} was closed before it answered (kfsession/create). WeChat may have assigned the customer anyway: check with Session → Get before running it again`,
	},
	{
		when: 'A session close gets no answer in time',
		does: 'Not retried; says to check Session → Get',
		resource: 'session',
		operation: 'close',
		params: { kfAccount: ALICE, openid: WANG },
		credential: () => TIMEOUT,
		setup: (e) => e.sb.setFault('/customservice/kfsession/close', { delayMs: SLOW }),
		requests: [STABLE, 'POST /customservice/kfsession/close'],
		message: (e) =>
			`No answer from the WeChat API host at ${e.api} within 1 s (kfsession/close). WeChat may have closed the session anyway: check with Session → Get before running it again`,
	},
	{
		when: 'WeChat answers -1 to “typing”',
		does: 'Not retried; the indicator ends by itself',
		resource: 'message',
		operation: 'typing',
		params: { openid: LI, command: 'typing' },
		setup: (e) => e.sb.setFault('/cgi-bin/message/custom/typing', { errcode: -1 }),
		requests: [STABLE, 'POST /cgi-bin/message/custom/typing'],
		message: () =>
			'WeChat is busy. WeChat: system error (errcode -1). WeChat may have shown the typing indicator anyway: it ends by itself within 15 seconds',
	},
	{
		when: 'WeChat says “too frequent” (45011) to a send',
		does: 'Retried: WeChat refused before doing anything; the item succeeds',
		resource: 'message',
		operation: 'send',
		params: text,
		setup: (e) => e.sb.setFault('/cgi-bin/message/custom/send', { errcode: 45011, times: 1 }),
		requests: [STABLE, SEND, SEND],
		after: sentOnce,
	},
	{
		when: 'WeChat rejects the token once (40001) on a send',
		does: 'One refresh and one retry; the message is sent once',
		resource: 'message',
		operation: 'send',
		params: text,
		setup: (e) => e.sb.setFault('/cgi-bin/message/custom/send', { errcode: 40001, times: 1 }),
		requests: [STABLE, SEND, STABLE, SEND],
		after: sentOnce,
	},
];

const proxyAndAvatarFaults: Row[] = [
	{
		when: 'The proxy is down (connection refused)',
		does: 'Names the proxy, never its password',
		resource: 'agent',
		operation: 'getAll',
		credential: (e) => ({ proxyUrl: `http://reluser:${SECRETS.proxyPassword}@${e.closed}` }),
		requests: [],
		message: (e) => `Could not connect to the proxy at ${e.closed}: the connection was refused`,
		description: () => "Nothing was sent. Check that the proxy is running and reachable from n8n, and the credential's Proxy URL. (ECONNREFUSED)",
	},
	{
		when: 'The proxy refuses the tunnel (HTTP 407)',
		does: 'Names the proxy and says what it wants',
		resource: 'agent',
		operation: 'getAll',
		credential: (e) => ({ proxyUrl: `http://reluser:${SECRETS.proxyPassword}@${e.proxy}` }),
		requests: [],
		message: (e) => `The proxy at ${e.proxy} refused to connect to the WeChat API host (HTTP 407)`,
		description: () =>
			'Nothing was sent. The proxy wants a user name and password it accepts: put them in the Proxy URL, e.g. http://user:password@proxy:3128.',
	},
	{
		when: 'The avatar URL is unreachable',
		does: 'Names the avatar URL’s host',
		resource: 'avatar',
		operation: 'download',
		params: { kfAccount: ALICE },
		setup: (e) => {
			e.sb.state.agents.find((a) => a.kf_account === ALICE)!.kf_headimgurl = `http://${e.closed}/mmhead/1001/0`;
		},
		requests: [STABLE, KF_LIST],
		message: (e) => `Could not connect to the avatar URL at ${e.closed}: the connection was refused`,
	},
	{
		when: 'The avatar URL answers HTTP 404',
		does: 'Names the avatar URL’s host',
		resource: 'avatar',
		operation: 'download',
		params: { kfAccount: ALICE },
		setup: (e) => {
			e.sb.state.agents.find((a) => a.kf_account === ALICE)!.kf_headimgurl = `${e.sb.url}/mmhead/gone/0`;
		},
		requests: [STABLE, KF_LIST, 'GET /mmhead/gone/0'],
		message: (e) => `The avatar URL at ${e.api} answered HTTP 404 instead of 200`,
	},
];

export const FAULT_ROWS: Row[] = [...tokenFaults, ...readFaults, ...writeFaults, ...proxyAndAvatarFaults];
