// The message of Send and Send on Event: Message Type, each type's fields, and where a file comes from.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionParam, stringParam } from '../../../shared/execution/input';
import {
	TEXT_MAX_BYTES,
	checkBytes,
	checkCoordinate,
	checkLink,
	menuList,
	type MenuEntry,
	type MenuItemType,
	type MessagePayload,
	type SendType,
} from '../../client/messages';
import type { WeComMediaType } from '../../client/media';
import { inputBinaryFieldProperty } from '../../../shared/execution/binary';
import { readWeComMediaUpload, type WeComMediaUpload } from '../../execution/media';

// The label in title case (as n8n's options have it); WeCom's msgtype ends the description.
const TYPE_OPTIONS: Array<{ name: string; value: SendType; description: string }> = [
	{ name: 'Text', value: 'text', description: 'Plain text, at most 2048 bytes (msgtype "text")' },
	{ name: 'Image', value: 'image', description: 'A JPEG or PNG image (msgtype "image")' },
	{ name: 'Voice', value: 'voice', description: 'An AMR voice clip (msgtype "voice")' },
	{ name: 'Video', value: 'video', description: 'An MP4 video (msgtype "video")' },
	{ name: 'File', value: 'file', description: 'Any file of at most 20 MB (msgtype "file")' },
	{ name: 'Link Card', value: 'link', description: 'A card with a title, a thumbnail and a URL (msgtype "link")' },
	{ name: 'Mini Program Card', value: 'miniprogram', description: 'A card that opens a Mini Program page (msgtype "miniprogram")' },
	{ name: 'Menu Message', value: 'msgmenu', description: 'A question with up to 10 tappable answers or links (msgtype "msgmenu")' },
	{ name: 'Location', value: 'location', description: 'A place on the map (msgtype "location")' },
];

/** Types whose file is the message. */
const FILE_TYPES: SendType[] = ['image', 'voice', 'video', 'file'];
/** Types with a thumbnail image. */
const THUMB_TYPES: SendType[] = ['link', 'miniprogram'];
/** Types whose file (or thumbnail) can come from the item's binary data instead of a media_id. */
const MEDIA_SOURCE_TYPES: SendType[] = [...FILE_TYPES, ...THUMB_TYPES];

function forTypes(types: SendType[], property: INodeProperties, source?: 'mediaId' | 'binary'): INodeProperties {
	const show: IDataObject = { messageType: types };
	if (source) show.mediaSource = [source];
	return { ...property, displayOptions: { show } } as INodeProperties;
}

function text(name: string, displayName: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, ...extra } as INodeProperties;
}

const menuItemsProperty: INodeProperties = {
	displayName: 'Answers',
	name: 'menuItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Answer',
	default: {},
	description: 'At most 10 answers; a tapped Reply answer comes back as the customer’s message carrying its ID',
	options: [
		{
			name: 'item',
			displayName: 'Answer',
			values: [
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Reply', value: 'click', description: 'The customer taps it to answer with its content' },
						{ name: 'Link', value: 'view', description: 'Opens a web page' },
						{ name: 'Mini Program', value: 'miniprogram', description: 'Opens a Mini Program page' },
						{ name: 'Text', value: 'text', description: 'Plain text between the answers, not tappable' },
					],
					default: 'click',
				},
				text('id', 'ID', 'Optional: returned as menu_id when the customer taps this answer (at most 128 bytes)', {
					displayOptions: { show: { type: ['click'] } },
				}),
				text('content', 'Content', 'Text of the answer'),
				text('url', 'URL', 'Page to open (http or https)', { displayOptions: { show: { type: ['view'] } } }),
				text('miniProgramAppId', 'Mini Program AppID', 'AppID of the Mini Program', { displayOptions: { show: { type: ['miniprogram'] } } }),
				text('pagePath', 'Page Path', 'Page to open, e.g. pages/index/index', { displayOptions: { show: { type: ['miniprogram'] } } }),
			],
		},
	],
};

function mediaSourceProperties(): INodeProperties[] {
	return [
		forTypes(MEDIA_SOURCE_TYPES, {
			displayName: 'Media Source',
			name: 'mediaSource',
			type: 'options',
			options: [
				{ name: 'Media ID', value: 'mediaId', description: 'A media_id you have: from Media → Upload, or one a customer sent' },
				{
					name: 'Binary File',
					value: 'binary',
					description: 'Upload the item’s binary file first (temporary media, kept 3 days), then send the message with its media_id',
				},
			],
			default: 'mediaId',
			description: 'Where the file (for a card: its thumbnail image) comes from',
		}),
		forTypes(FILE_TYPES, text('mediaId', 'Media ID', 'media_id of the uploaded file (Media → Upload), or of a file a customer sent', { required: true }), 'mediaId'),
		forTypes(
			FILE_TYPES,
			inputBinaryFieldProperty(
				'Name of the binary field holding the file: an image JPEG or PNG of at most 10 MB; a voice clip AMR of at most 2 MB; a video MP4 of at most 10 MB; a file of at most 20 MB',
			),
			'binary',
		),
		forTypes(THUMB_TYPES, text('thumbMediaId', 'Thumbnail Media ID', 'media_id of the thumbnail image (Media → Upload, type Image)', { required: true }), 'mediaId'),
		forTypes(
			THUMB_TYPES,
			inputBinaryFieldProperty('Name of the binary field holding the thumbnail: a JPEG or PNG of at most 10 MB', 'thumbBinaryPropertyName', 'Thumbnail Binary Field'),
			'binary',
		),
	];
}

/** The Message Type selector (offering `types`) and each type's own fields, shown only for that type. */
export function messageProperties(types: readonly SendType[]): INodeProperties[] {
	const offered = (list: SendType[]) => list.filter((t) => types.includes(t));
	const all: INodeProperties[] = [
		{
			displayName: 'Message Type',
			name: 'messageType',
			type: 'options',
			options: TYPE_OPTIONS.filter((o) => types.includes(o.value)),
			default: 'text',
		},
		forTypes(['text'], text('text', 'Text', 'The message, at most 2048 bytes in UTF-8 (about 680 Chinese characters)', { required: true, typeOptions: { rows: 4 } })),
		...mediaSourceProperties(),
		forTypes(['link'], text('title', 'Title', 'Title of the card, at most 128 bytes', { required: true })),
		forTypes(['link'], text('description', 'Description', 'Optional, at most 512 bytes')),
		forTypes(['link'], text('url', 'URL', 'Page opened when the card is tapped (http or https)', { required: true })),
		forTypes(['miniprogram'], text('miniProgramAppId', 'Mini Program AppID', 'AppID of a Mini Program linked to the company', { required: true })),
		forTypes(['miniprogram'], text('miniProgramTitle', 'Title', 'Optional title of the card, at most 64 bytes')),
		forTypes(['miniprogram'], text('pagePath', 'Page Path', 'Page to open, e.g. pages/index/index?id=1', { required: true })),
		forTypes(['msgmenu'], text('headContent', 'Question', 'Text above the answers, e.g. "How satisfied are you?"')),
		forTypes(['msgmenu'], menuItemsProperty),
		forTypes(['msgmenu'], text('tailContent', 'Closing Text', 'Text below the answers, e.g. "Thank you"')),
		forTypes(['location'], text('locationName', 'Place Name', 'Optional name of the place')),
		forTypes(['location'], text('address', 'Address', 'Optional address')),
		forTypes(['location'], { displayName: 'Latitude', name: 'latitude', type: 'number', default: 0, typeOptions: { numberPrecision: 6 }, required: true, description: 'From -90 to 90' }),
		forTypes(['location'], { displayName: 'Longitude', name: 'longitude', type: 'number', default: 0, typeOptions: { numberPrecision: 6 }, required: true, description: 'From -180 to 180' }),
	];
	return all.filter((p) => {
		const shown = p.displayOptions?.show?.messageType as SendType[] | undefined;
		if (!shown) return true;
		const remaining = offered(shown);
		if (remaining.length) p.displayOptions!.show!.messageType = remaining;
		return remaining.length > 0;
	});
}

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

function readMenu(ctx: IExecuteFunctions, i: number): MessagePayload {
	const collection = ctx.getNodeParameter('menuItems', i, {}) as IDataObject;
	const rows = Array.isArray(collection?.item) ? (collection.item as IDataObject[]) : [];
	const entries: MenuEntry[] = rows.map((row) => ({
		type: (str(row.type) || 'click') as MenuItemType,
		id: str(row.id),
		content: str(row.content),
		url: str(row.url),
		miniProgramAppId: str(row.miniProgramAppId),
		pagePath: str(row.pagePath),
	}));
	const head = checkBytes('headContent', stringParam(ctx, i, 'headContent', { optional: true }), 1024, true);
	const tail = checkBytes('tailContent', stringParam(ctx, i, 'tailContent', { optional: true }), 1024, true);
	return { ...(head ? { head_content: head } : {}), list: menuList('menuItems', entries), ...(tail ? { tail_content: tail } : {}) };
}

/** A file still to upload before sending, and the key its media_id goes to. */
export type PendingUpload = WeComMediaUpload & { key: 'media_id' | 'thumb_media_id' };

/** With Media Source "Binary File": the item's file (or a card's thumbnail), checked, ready to upload. */
async function readUpload(ctx: IExecuteFunctions, i: number, type: SendType): Promise<PendingUpload | undefined> {
	if (!MEDIA_SOURCE_TYPES.includes(type)) return undefined;
	const source = optionParam(ctx, i, 'mediaSource', ['mediaId', 'binary'], 'mediaId', 'mediaId or binary');
	if (source === 'mediaId') return undefined;
	if (FILE_TYPES.includes(type)) {
		return { key: 'media_id', ...(await readWeComMediaUpload(ctx, i, type as WeComMediaType, 'binaryPropertyName')) };
	}
	return { key: 'thumb_media_id', ...(await readWeComMediaUpload(ctx, i, 'image', 'thumbBinaryPropertyName')) };
}

/** A media_id parameter, or '' to be filled in after the upload (kept in place so keys stay in WeCom's order). */
function mediaIdOr(ctx: IExecuteFunctions, i: number, param: string, upload: PendingUpload | undefined): string {
	return upload ? '' : stringParam(ctx, i, param);
}

function readFields(ctx: IExecuteFunctions, i: number, type: SendType, upload: PendingUpload | undefined): MessagePayload {
	const optional = (param: string, max: number) => checkBytes(param, stringParam(ctx, i, param, { optional: true }), max, true);
	switch (type) {
		case 'text':
			return { content: checkBytes('text', stringParam(ctx, i, 'text', { trim: false, optional: true }), TEXT_MAX_BYTES) };
		case 'image':
		case 'voice':
		case 'video':
		case 'file':
			return { media_id: mediaIdOr(ctx, i, 'mediaId', upload) };
		case 'link': {
			const title = checkBytes('title', stringParam(ctx, i, 'title', { optional: true }), 128);
			const desc = optional('description', 512);
			const url = checkLink('url', stringParam(ctx, i, 'url'));
			return { title, ...(desc ? { desc } : {}), url, thumb_media_id: mediaIdOr(ctx, i, 'thumbMediaId', upload) };
		}
		case 'miniprogram': {
			const appid = checkBytes('miniProgramAppId', stringParam(ctx, i, 'miniProgramAppId', { optional: true }), 32);
			const title = optional('miniProgramTitle', 64);
			const pagepath = checkBytes('pagePath', stringParam(ctx, i, 'pagePath', { optional: true }), 1024);
			return { appid, ...(title ? { title } : {}), thumb_media_id: mediaIdOr(ctx, i, 'thumbMediaId', upload), pagepath };
		}
		case 'msgmenu':
			return readMenu(ctx, i);
		case 'location': {
			const name = optional('locationName', 1024);
			const address = optional('address', 1024);
			return {
				...(name ? { name } : {}),
				...(address ? { address } : {}),
				latitude: checkCoordinate('latitude', ctx.getNodeParameter('latitude', i, 0), 90),
				longitude: checkCoordinate('longitude', ctx.getNodeParameter('longitude', i, 0), 180),
			};
		}
	}
}

/**
 * The `<msgtype>: {...}` object of item `i` and the file to upload first, if any: everything is
 * checked before the first request.
 */
export async function readMessage(
	ctx: IExecuteFunctions,
	i: number,
	type: SendType,
): Promise<{ payload: MessagePayload; upload?: PendingUpload }> {
	const upload = await readUpload(ctx, i, type);
	return { payload: readFields(ctx, i, type, upload), upload };
}
