// Bad input: every row is refused before any request (not even a token request), in words that
// name the field by its label in the node panel.
import { BUILTIN_AVATAR } from '../../sandbox/avatars';
import type { Row } from './table';
import { LI, ALICE } from '../helpers/demo';

/** Empty at run time; a literal "" would be caught by n8n's own required-parameter check first. */
const EMPTY = '={{ "" }}';
const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
const jpeg = (bytes: number) => Buffer.concat([BUILTIN_AVATAR, Buffer.alloc(Math.max(0, bytes - BUILTIN_AVATAR.length))]);

const account = (kfAccount: string, message: string, when: string): Row => ({
	when,
	does: 'Refused before any request',
	resource: 'account',
	operation: 'create',
	params: { kfAccount, nickname: '新人' },
	requests: [],
	message: () => message,
	description: () => 'Parameter name: kfAccount',
});

const openid = (resource: string, operation: string, params: Record<string, unknown>, typed: string, label = 'Customer OpenID'): Row => ({
	when: `An openid with a character WeChat never uses (${resource} → ${operation})`,
	does: 'Refused before any request (WeChat would answer 40003)',
	resource,
	operation,
	params,
	requests: [],
	message: () => `"${label}" must be an openid (letters, digits, "_" and "-" only), got "${typed}"`,
});

const send = (params: Record<string, unknown>, message: string, when: string): Row => ({
	when,
	does: 'Refused before any request',
	resource: 'message',
	operation: 'send',
	params: { openid: LI, messageType: 'text', text: '您好', ...params },
	requests: [],
	message: () => message,
});

const records = (params: Record<string, unknown>, message: string, when: string): Row => ({
	when,
	does: 'Refused before any request',
	resource: 'record',
	operation: 'getAll',
	params: () => ({ startTime: hourAgo(), returnAll: true, ...params }),
	requests: [],
	message: () => message,
});

const credential = (fields: Record<string, unknown>, message: string, when: string): Row => ({
	when,
	does: 'Refused before any request',
	resource: 'agent',
	operation: 'getAll',
	credential: () => fields,
	requests: [],
	message: () => message,
});

const FULL_ACCOUNT = 'must be the full account "prefix@OfficialAccountWeChatID" with exactly one "@"';

export const INPUT_ROWS: Row[] = [
	account('alice', `"Account" ${FULL_ACCOUNT}, got "alice"`, 'An account without "@"'),
	account('a@b@sandbox_oa', `"Account" ${FULL_ACCOUNT}, got "a@b@sandbox_oa"`, 'An account with two "@"'),
	account('@sandbox_oa', '"Account" has no prefix before the "@" in "@sandbox_oa"', 'An account without a prefix'),
	account('this_is_too_long@sandbox_oa', '"Account" prefix "this_is_too_long" is 16 characters; WeChat allows at most 10', 'An account prefix over 10 characters'),
	account('al-ice@sandbox_oa', '"Account" prefix "al-ice" may contain only letters, digits and underscores', 'An account prefix with "-"'),
	account('alice@', '"Account" has no Official Account WeChat ID after the "@" in "alice@"', 'An account without the Official Account ID'),
	account('  ', '"Account" is required but empty', 'An empty account'),
	{
		when: 'A nickname over 16 characters',
		does: 'Refused before any request; a Chinese character or emoji counts as one',
		resource: 'account',
		operation: 'create',
		params: { kfAccount: 'newbie@sandbox_oa', nickname: '客服'.repeat(8) + '多' },
		requests: [],
		message: () => '"Nickname" is 17 characters; WeChat allows at most 16 (a Chinese character or an emoji counts as one)',
	},
	{
		when: 'An empty nickname',
		does: 'Refused before any request',
		resource: 'account',
		operation: 'update',
		params: { kfAccount: ALICE, nickname: ' ' },
		requests: [],
		message: () => '"Nickname" is required but empty',
	},
	{
		when: 'A legacy password that is not an MD5 digest',
		does: 'Refused before any request',
		resource: 'account',
		operation: 'create',
		params: { kfAccount: 'newbie@sandbox_oa', nickname: '新人', additionalFields: { password: 'secret', passwordIsPlain: false } },
		requests: [],
		message: () => '"Password (Legacy)" must be a 32-character MD5 hex digest when "Password Is Plain" is off',
	},
	{
		when: 'An invitation without a WeChat ID',
		does: 'Refused before any request',
		resource: 'account',
		operation: 'invite',
		params: { kfAccount: ALICE, inviteWx: EMPTY },
		requests: [],
		message: () => '"WeChat ID to Invite" is required but empty',
	},
	{
		when: 'An avatar upload from an item without the binary field',
		does: 'Refused before any request',
		resource: 'avatar',
		operation: 'upload',
		params: { kfAccount: ALICE, binaryPropertyName: 'data' },
		requests: [],
		message: () =>
			'"Input Binary Field" names "data", which is not a binary field of this item (it has no binary data); set it to the field holding the JPEG',
	},
	{
		when: 'An avatar that is a PNG',
		does: 'Refused before any request: WeChat takes only JPEG',
		resource: 'avatar',
		operation: 'upload',
		params: { kfAccount: ALICE, binaryPropertyName: 'data' },
		items: [{}],
		binary: [{ property: 'data', base64: PNG, fileName: 'photo.jpg', mimeType: 'image/jpeg' }],
		requests: [],
		message: () =>
			'"Input Binary Field" is not a JPEG image: the file "photo.jpg" starts with 89 50 4E 47 (PNG), not FF D8 FF. WeChat accepts only JPEG avatars',
	},
	{
		when: 'An avatar over 5 MB',
		does: 'Refused before any request',
		resource: 'avatar',
		operation: 'upload',
		params: { kfAccount: ALICE, binaryPropertyName: 'data' },
		items: [{}],
		binary: [{ property: 'data', base64: jpeg(5 * 1024 * 1024 + 1).toString('base64'), fileName: 'big.jpg', mimeType: 'image/jpeg' }],
		requests: [],
		message: () => '"Input Binary Field" is 5242881 bytes "big.jpg"; WeChat accepts avatars of at most 5 MB (5242880 bytes)',
	},
	openid('session', 'create', { kfAccount: ALICE, openid: 'oUser A1xyz' }, 'oUser A1xyz'),
	openid('session', 'close', { kfAccount: ALICE, openid: 'oUser/A1xyz' }, 'oUser/A1xyz'),
	openid('session', 'get', { openid: '李雷' }, '李雷'),
	openid('message', 'send', { openid: 'oUser A1xyz', messageType: 'text', text: 'hi' }, 'oUser A1xyz'),
	openid('message', 'typing', { openid: 'o@x', command: 'typing' }, 'o@x'),
	openid('record', 'getAll', { startTime: '2026-01-01T00:00:00', returnAll: true, options: { api: 'legacy', openid: 'oUser A1xyz' } }, 'oUser A1xyz'),
	{
		when: 'A session without an openid',
		does: 'Refused before any request',
		resource: 'session',
		operation: 'create',
		params: { kfAccount: ALICE, openid: '  ' },
		requests: [],
		message: () => '"Customer OpenID" is required but empty',
	},
	{
		when: 'A session list for an agent account without "@"',
		does: 'Refused before any request',
		resource: 'session',
		operation: 'getAll',
		params: { kfAccount: 'alice' },
		requests: [],
		message: () => `"Agent Account" ${FULL_ACCOUNT}, got "alice"`,
	},
	send({ text: '   ' }, '"Text" is required but empty', 'An empty text message'),
	send(
		{ text: 'x'.repeat(2049) },
		'"Text" is 2049 bytes in UTF-8; WeChat accepts at most 2048 bytes in one text message (about 682 Chinese characters). Split it into several messages',
		'A text over 2048 bytes',
	),
	send(
		{ messageType: 'music', musicUrl: 'ftp://music.example.com/a.mp3', hqMusicUrl: 'https://music.example.com/a.mp3', thumbMediaId: 'T' },
		'"Music URL" must be an http:// or https:// URL, got "ftp://music.example.com/a.mp3"',
		'A music link that is not http(s)',
	),
	send(
		{ messageType: 'news', articles: { article: [{ title: 'A', url: 'https://a.example.com' }, { title: 'B', url: 'https://b.example.com' }] } },
		'"Article" must hold exactly 1 article (WeChat sends one article per customer-service news message), got 2',
		'A news message with two articles',
	),
	send(
		{ messageType: 'news', articles: { article: [{ title: 'A', url: 'javascript:alert(1)' }] } },
		'"Article 1 > URL" must be an http:// or https:// URL, got "javascript:alert(1)"',
		'A news article whose link is not http(s)',
	),
	send(
		{ messageType: 'msgmenu', headContent: 'Q?', menuItems: { item: [{ id: '1', content: 'Yes' }, { id: '2', content: ' ' }] } },
		'"Answer 2 > Content" is required but empty',
		'A menu answer without text',
	),
	send({ messageType: 'image', mediaId: EMPTY }, '"Media ID" is required but empty', 'An image without a media ID'),
	send(
		{ messageType: 'location' },
		'"Message Type" must be one of text, image, voice, video, music, news, mpnews, mpnewsarticle, msgmenu, wxcard, miniprogrampage, got "location"',
		'An unknown message type',
	),
	send({ kfAccount: 'alice' }, `"Send as Agent" ${FULL_ACCOUNT}, got "alice"`, 'Send as an agent account without "@"'),
	{
		when: 'An unknown typing command',
		does: 'Refused before any request',
		resource: 'message',
		operation: 'typing',
		params: { openid: LI, command: 'start' },
		requests: [],
		message: () => '"Command" must be "typing" or "cancel", got "start"',
	},
	records({ startTime: EMPTY }, '"Start Time" is required but empty', 'Chat records without a start time'),
	records(
		{ startTime: '2024-02-30T00:00:00' },
		'"Start Time" is not a valid date and time, got "2024-02-30T00:00:00" (use e.g. 2024-05-01T09:00:00)',
		'A start time that is no date',
	),
	records(
		{ startTime: '2026-01-02T00:00:00+08:00', endTime: '2026-01-01T00:00:00+08:00' },
		'"Start Time" must not be after "End Time"',
		'A start time after the end time',
	),
	records({ options: { pageSize: 'abc' } }, '"Page Size" must be a number, got "abc"', 'A page size that is not a number'),
	records(
		{ options: { pageSize: 20000 } },
		'"Page Size" must be a whole number from 1 to 10000 for the getmsglist API, got 20000',
		'A page size over 10000',
	),
	records(
		{ options: { api: 'legacy', pageSize: 100 } },
		'"Page Size" must be a whole number from 1 to 50 for the legacy getrecord API, got 100',
		'A legacy page size over 50',
	),
	records({ returnAll: false, limit: 0 }, '"Limit" must be a whole number of at least 1, got 0', 'A limit of 0'),
	records({ returnAll: false, limit: 'ten' }, '"Limit" must be a number, got "ten"', 'A limit that is not a number'),
	{
		when: 'Concurrency above 20',
		does: 'Refused before any request',
		resource: 'agent',
		operation: 'getOnline',
		params: { options: { concurrency: 21 } },
		requests: [],
		message: () => '"Concurrency" must be a whole number from 1 to 20, got 21',
	},
	{
		when: 'Concurrency that is not a number',
		does: 'Refused before any request',
		resource: 'agent',
		operation: 'getOnline',
		params: { options: { concurrency: 'many' } },
		requests: [],
		message: () => '"Concurrency" must be a whole number from 1 to 20, got "many"',
	},
	credential({ timeoutSeconds: 0 }, "The credential's Timeout must be a number of seconds from 1 to 300, got 0", 'A credential Timeout of 0'),
	credential({ timeoutSeconds: 301 }, "The credential's Timeout must be a number of seconds from 1 to 300, got 301", 'A credential Timeout over 300'),
	credential({ timeoutSeconds: 'soon' }, 'The credential\'s Timeout must be a number of seconds from 1 to 300, got "soon"', 'A credential Timeout that is not a number'),
	credential({ appSecret: '' }, "The credential's AppSecret is empty", 'A credential without an AppSecret'),
	credential({ baseUrl: 'not a url' }, "The credential's Base URL is not a valid URL", 'A custom API host that is not a URL'),
	credential({ proxyUrl: 'socks5://proxy:1080' }, "The credential's Proxy URL must start with http:// or https://", 'A proxy URL that is not http(s)'),
];
