import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { stringParam } from '../../../shared/execution/input';
import {
	validateMenuItems,
	validateNewsArticles,
	validateText,
	validateUrl,
	requireValue,
	type MessagePayload,
	type MessageType,
} from '../../client/messages';

/**
 * One simple field of a message type: the node parameter, the key WeChat wants inside
 * `<msgtype>: {...}`, and how it is checked. Types with lists (news, msgmenu) are read below.
 */
interface SimpleField {
	param: string;
	key: string;
	required: boolean;
	check?: 'url';
}

const mediaId = (required = true): SimpleField => ({ param: 'mediaId', key: 'media_id', required });
const thumbMediaId: SimpleField = { param: 'thumbMediaId', key: 'thumb_media_id', required: true };
const title = (required: boolean): SimpleField => ({ param: 'title', key: 'title', required });
const description: SimpleField = { param: 'description', key: 'description', required: false };

/** Exactly WeChat's fields per type for message/custom/send, in WeChat's order. */
const SIMPLE_FIELDS: Partial<Record<MessageType, SimpleField[]>> = {
	image: [mediaId()],
	voice: [mediaId()],
	video: [mediaId(), thumbMediaId, title(false), description],
	music: [
		title(false),
		description,
		{ param: 'musicUrl', key: 'musicurl', required: true, check: 'url' },
		{ param: 'hqMusicUrl', key: 'hqmusicurl', required: true, check: 'url' },
		thumbMediaId,
	],
	mpnews: [mediaId()],
	mpnewsarticle: [{ param: 'articleId', key: 'article_id', required: true }],
	wxcard: [{ param: 'cardId', key: 'card_id', required: true }],
	miniprogrampage: [
		title(true),
		{ param: 'miniProgramAppId', key: 'appid', required: true },
		{ param: 'pagePath', key: 'pagepath', required: true },
		thumbMediaId,
	],
};

// The label in title case (as n8n's options have it); WeChat's msgtype, spelled as WeChat does, ends the description.
const TYPE_OPTIONS: Array<{ name: string; value: MessageType; description: string }> = [
	{ name: 'Text', value: 'text', description: 'Plain text, emoji allowed (msgtype "text")' },
	{ name: 'Image', value: 'image', description: 'An uploaded image, by media_id (msgtype "image")' },
	{ name: 'Voice', value: 'voice', description: 'An uploaded voice clip, by media_id (msgtype "voice")' },
	{ name: 'Video', value: 'video', description: 'An uploaded video with a thumbnail (msgtype "video")' },
	{ name: 'Music', value: 'music', description: 'A music link with a thumbnail (msgtype "music")' },
	{ name: 'Link Card', value: 'news', description: 'One article card that opens a URL (msgtype "news")' },
	{ name: 'Article', value: 'mpnews', description: 'An article from the material library, by media_id (msgtype "mpnews")' },
	{ name: 'Published Article', value: 'mpnewsarticle', description: 'A published article, by article_id (msgtype "mpnewsarticle")' },
	{ name: 'Menu Message', value: 'msgmenu', description: 'A question with clickable answers (msgtype "msgmenu")' },
	{ name: 'Card or Coupon', value: 'wxcard', description: 'A WeChat card or coupon, by card_id (msgtype "wxcard")' },
	{ name: 'Mini Program Page', value: 'miniprogrampage', description: 'A card that opens a Mini Program page (msgtype "miniprogrampage")' },
];

function forTypes(types: MessageType[], property: INodeProperties): INodeProperties {
	return { ...property, displayOptions: { show: { messageType: types } } };
}

function typesWith(param: string, required?: boolean): MessageType[] {
	return (Object.keys(SIMPLE_FIELDS) as MessageType[]).filter((type) =>
		(SIMPLE_FIELDS[type] ?? []).some((f) => f.param === param && (required === undefined || f.required === required)),
	);
}

function stringProperty(name: string, displayName: string, description: string, extra: Partial<INodeProperties> = {}) {
	return { displayName, name, type: 'string', default: '', description, ...extra } as INodeProperties;
}

/** A list of entries (fixedCollection with multiple values), e.g. news articles or menu answers. */
function listProperty(
	list: { name: string; displayName: string; placeholder: string },
	description: string,
	entry: { name: string; displayName: string },
	values: INodeProperties[],
): INodeProperties {
	return {
		...list,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description,
		options: [{ ...entry, values }],
	};
}

/** Types whose file can come from the item's binary data instead of a media_id. */
export const MEDIA_SOURCE_TYPES: MessageType[] = ['image', 'voice', 'video'];

function fromMediaId(property: INodeProperties, types = MEDIA_SOURCE_TYPES): INodeProperties {
	return { ...property, displayOptions: { show: { messageType: types, mediaSource: ['mediaId'] } } };
}

function fromBinary(property: INodeProperties, types = MEDIA_SOURCE_TYPES): INodeProperties {
	return { ...property, displayOptions: { show: { messageType: types, mediaSource: ['binary'] } } };
}

/** Media Source and, for binary, the fields holding the file (and a video's thumbnail). */
function mediaSourceProperties(): INodeProperties[] {
	return [
		forTypes(MEDIA_SOURCE_TYPES, {
			displayName: 'Media Source',
			name: 'mediaSource',
			type: 'options',
			options: [
				{ name: 'Media ID', value: 'mediaId', description: 'A media_id you have: from Media → Upload, or the MediaId a customer sent' },
				{
					name: 'Binary File',
					value: 'binary',
					description: 'Upload the item’s binary file first (temporary media, kept 3 days), then send the message with its media_id',
				},
			],
			default: 'mediaId',
		}),
		fromBinary(
			stringProperty(
				'binaryPropertyName',
				'Input Binary Field',
				'Name of the binary field holding the file: an image JPEG, PNG or GIF of at most 10 MB; a voice clip AMR or MP3 of at most 2 MB (WeChat also wants at most 60 seconds); a video MP4 of at most 10 MB',
				{ required: true, default: 'data' },
			),
		),
		fromBinary(
			stringProperty('thumbBinaryPropertyName', 'Thumbnail Binary Field', 'Name of the binary field holding the video’s thumbnail: a JPEG of at most 64 KB', {
				required: true,
				default: 'thumb',
			}),
			['video'],
		),
	];
}

/** The Message Type selector and each type's own fields, shown only for that type. */
export function messageProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Message Type',
			name: 'messageType',
			type: 'options',
			options: TYPE_OPTIONS,
			default: 'text',
		},
		forTypes(
			['text'],
			stringProperty('text', 'Text', 'The message, at most 2048 bytes in UTF-8 (about 680 Chinese characters)', {
				required: true,
				typeOptions: { rows: 4 },
			}),
		),
		...mediaSourceProperties(),
		forTypes(['mpnews'], stringProperty('mediaId', 'Media ID', 'media_id of the material', { required: true })),
		fromMediaId(stringProperty('mediaId', 'Media ID', 'media_id of the uploaded file (Media → Upload), or the MediaId a customer sent', { required: true })),
		fromMediaId(stringProperty('thumbMediaId', 'Thumbnail Media ID', 'media_id of the uploaded thumbnail image', { required: true }), ['video']),
		forTypes(['music', 'miniprogrampage'], stringProperty('thumbMediaId', 'Thumbnail Media ID', 'media_id of the uploaded thumbnail image', { required: true })),
		forTypes(typesWith('title', true), stringProperty('title', 'Title', 'Title of the card', { required: true })),
		forTypes(typesWith('title', false), stringProperty('title', 'Title', 'Title, optional')),
		forTypes(typesWith('description'), stringProperty('description', 'Description', 'Description, optional')),
		forTypes(['music'], stringProperty('musicUrl', 'Music URL', 'Link to the music (http or https)', { required: true })),
		forTypes(['music'], stringProperty('hqMusicUrl', 'High-Quality Music URL', 'Link played on Wi-Fi (http or https)', { required: true })),
		forTypes(
			['news'],
			listProperty(
				{ name: 'articles', displayName: 'Article', placeholder: 'Add Article' },
				'Exactly one article: WeChat shows one card per customer-service news message',
				{ name: 'article', displayName: 'Article' },
				[
					stringProperty('title', 'Title', 'Title of the card'),
					stringProperty('description', 'Description', 'Description, optional'),
					stringProperty('url', 'URL', 'Page opened when the card is tapped (http or https)'),
					stringProperty('picUrl', 'Picture URL', 'Image of the card (http or https), optional'),
				],
			),
		),
		forTypes(['msgmenu'], stringProperty('headContent', 'Question', 'Text above the answers, e.g. "How satisfied are you?"')),
		forTypes(
			['msgmenu'],
			listProperty(
				{ name: 'menuItems', displayName: 'Answers', placeholder: 'Add Answer' },
				'Clickable answers; the customer’s click comes back as a message carrying the ID',
				{ name: 'item', displayName: 'Answer' },
				[
					stringProperty('id', 'ID', 'Identifier returned when the customer taps this answer'),
					stringProperty('content', 'Content', 'Text of the answer'),
				],
			),
		),
		forTypes(['msgmenu'], stringProperty('tailContent', 'Closing Text', 'Text below the answers, e.g. "Thank you"')),
		forTypes(['mpnewsarticle'], stringProperty('articleId', 'Article ID', 'article_id of the published article', { required: true })),
		forTypes(['wxcard'], stringProperty('cardId', 'Card ID', 'card_id of the card or coupon', { required: true })),
		forTypes(['miniprogrampage'], stringProperty('miniProgramAppId', 'Mini Program AppID', 'AppID of a Mini Program linked to this Official Account', { required: true })),
		forTypes(['miniprogrampage'], stringProperty('pagePath', 'Page Path', 'Page to open, e.g. pages/index/index?id=1', { required: true })),
	];
}

function readSimple(ctx: IExecuteFunctions, i: number, fields: SimpleField[], later: readonly string[]): MessagePayload {
	const payload: MessagePayload = {};
	for (const field of fields) {
		// Filled in after an upload; kept here so the keys stay in WeChat's order.
		if (later.includes(field.key)) {
			payload[field.key] = '';
			continue;
		}
		const value = stringParam(ctx, i, field.param, { optional: !field.required });
		if (!value) continue;
		payload[field.key] = field.check === 'url' ? validateUrl(field.param, value) : value;
	}
	return payload;
}

function entries(ctx: IExecuteFunctions, i: number, param: string, key: string): IDataObject[] {
	const collection = ctx.getNodeParameter(param, i, {}) as IDataObject;
	const list = collection?.[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

function readNews(ctx: IExecuteFunctions, i: number): MessagePayload {
	const articles = validateNewsArticles('articles', entries(ctx, i, 'articles', 'article').map((a) => ({
		title: str(a.title),
		description: str(a.description),
		url: str(a.url),
		picurl: str(a.picUrl),
	})));
	return {
		articles: articles.map((a, n) => {
			const article: Record<string, string> = { title: requireValue(`articles[${n}].title`, a.title) };
			if (a.description) article.description = a.description;
			article.url = validateUrl(`articles[${n}].url`, a.url);
			if (a.picurl) article.picurl = validateUrl(`articles[${n}].picUrl`, a.picurl);
			return article;
		}),
	};
}

function readMenu(ctx: IExecuteFunctions, i: number): MessagePayload {
	const list = validateMenuItems(
		'menuItems',
		entries(ctx, i, 'menuItems', 'item').map((m) => ({ id: str(m.id), content: str(m.content) })),
	);
	return {
		head_content: stringParam(ctx, i, 'headContent', { optional: true }),
		list,
		tail_content: stringParam(ctx, i, 'tailContent', { optional: true }),
	};
}

/**
 * The `<msgtype>: {...}` object for item `i`, checked before anything is sent. Keys in `later`
 * (e.g. media_id of a file still to upload) are left empty for the caller to fill in.
 */
export function readPayload(ctx: IExecuteFunctions, i: number, type: MessageType, later: readonly string[] = []): MessagePayload {
	if (type === 'text') {
		return { content: validateText('text', stringParam(ctx, i, 'text', { trim: false, optional: true })) };
	}
	if (type === 'news') return readNews(ctx, i);
	if (type === 'msgmenu') return readMenu(ctx, i);
	return readSimple(ctx, i, SIMPLE_FIELDS[type] ?? [], later);
}
