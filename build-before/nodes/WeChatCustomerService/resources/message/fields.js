"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MEDIA_SOURCE_TYPES = void 0;
exports.messageProperties = messageProperties;
exports.readPayload = readPayload;
const input_1 = require("../../execution/input");
const messages_1 = require("../../client/messages");
const mediaId = (required = true) => ({ param: 'mediaId', key: 'media_id', required });
const thumbMediaId = { param: 'thumbMediaId', key: 'thumb_media_id', required: true };
const title = (required) => ({ param: 'title', key: 'title', required });
const description = { param: 'description', key: 'description', required: false };
const SIMPLE_FIELDS = {
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
const TYPE_OPTIONS = [
    { name: 'Text (text)', value: 'text', description: 'Plain text, emoji allowed' },
    { name: 'Image (image)', value: 'image', description: 'An uploaded image (media_id)' },
    { name: 'Voice (voice)', value: 'voice', description: 'An uploaded voice clip (media_id)' },
    { name: 'Video (video)', value: 'video', description: 'An uploaded video with a thumbnail' },
    { name: 'Music (music)', value: 'music', description: 'A music link with a thumbnail' },
    { name: 'Link card (news)', value: 'news', description: 'One article card that opens a URL' },
    { name: 'Article (mpnews)', value: 'mpnews', description: 'An article from the material library (media_id)' },
    { name: 'Published article (mpnewsarticle)', value: 'mpnewsarticle', description: 'A published article (article_id)' },
    { name: 'Menu message (msgmenu)', value: 'msgmenu', description: 'A question with clickable answers' },
    { name: 'Card or coupon (wxcard)', value: 'wxcard', description: 'A WeChat card or coupon (card_id)' },
    { name: 'Mini Program page (miniprogrampage)', value: 'miniprogrampage', description: 'A card that opens a Mini Program page' },
];
function forTypes(types, property) {
    return { ...property, displayOptions: { show: { messageType: types } } };
}
function typesWith(param, required) {
    return Object.keys(SIMPLE_FIELDS).filter((type) => (SIMPLE_FIELDS[type] ?? []).some((f) => f.param === param && (required === undefined || f.required === required)));
}
function stringProperty(name, displayName, description, extra = {}) {
    return { displayName, name, type: 'string', default: '', description, ...extra };
}
function listProperty(list, description, entry, values) {
    return {
        ...list,
        type: 'fixedCollection',
        typeOptions: { multipleValues: true },
        default: {},
        description,
        options: [{ ...entry, values }],
    };
}
exports.MEDIA_SOURCE_TYPES = ['image', 'voice', 'video'];
function fromMediaId(property, types = exports.MEDIA_SOURCE_TYPES) {
    return { ...property, displayOptions: { show: { messageType: types, mediaSource: ['mediaId'] } } };
}
function fromBinary(property, types = exports.MEDIA_SOURCE_TYPES) {
    return { ...property, displayOptions: { show: { messageType: types, mediaSource: ['binary'] } } };
}
function mediaSourceProperties() {
    return [
        forTypes(exports.MEDIA_SOURCE_TYPES, {
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
        fromBinary(stringProperty('binaryPropertyName', 'Input Binary Field', 'Name of the binary field holding the file: an image JPEG, PNG or GIF of at most 10 MB; a voice clip AMR or MP3 of at most 2 MB (WeChat also wants at most 60 seconds); a video MP4 of at most 10 MB', { required: true, default: 'data' })),
        fromBinary(stringProperty('thumbBinaryPropertyName', 'Thumbnail Binary Field', 'Name of the binary field holding the video’s thumbnail: a JPEG of at most 64 KB', {
            required: true,
            default: 'thumb',
        }), ['video']),
    ];
}
function messageProperties() {
    return [
        {
            displayName: 'Message Type',
            name: 'messageType',
            type: 'options',
            options: TYPE_OPTIONS,
            default: 'text',
        },
        forTypes(['text'], stringProperty('text', 'Text', 'The message, at most 2048 bytes in UTF-8 (about 680 Chinese characters)', {
            required: true,
            typeOptions: { rows: 4 },
        })),
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
        forTypes(['news'], listProperty({ name: 'articles', displayName: 'Article', placeholder: 'Add Article' }, 'Exactly one article: WeChat shows one card per customer-service news message', { name: 'article', displayName: 'Article' }, [
            stringProperty('title', 'Title', 'Title of the card'),
            stringProperty('description', 'Description', 'Description, optional'),
            stringProperty('url', 'URL', 'Page opened when the card is tapped (http or https)'),
            stringProperty('picUrl', 'Picture URL', 'Image of the card (http or https), optional'),
        ])),
        forTypes(['msgmenu'], stringProperty('headContent', 'Question', 'Text above the answers, e.g. "How satisfied are you?"')),
        forTypes(['msgmenu'], listProperty({ name: 'menuItems', displayName: 'Answers', placeholder: 'Add Answer' }, 'Clickable answers; the customer’s click comes back as a message carrying the ID', { name: 'item', displayName: 'Answer' }, [
            stringProperty('id', 'ID', 'Identifier returned when the customer taps this answer'),
            stringProperty('content', 'Content', 'Text of the answer'),
        ])),
        forTypes(['msgmenu'], stringProperty('tailContent', 'Closing Text', 'Text below the answers, e.g. "Thank you"')),
        forTypes(['mpnewsarticle'], stringProperty('articleId', 'Article ID', 'article_id of the published article', { required: true })),
        forTypes(['wxcard'], stringProperty('cardId', 'Card ID', 'card_id of the card or coupon', { required: true })),
        forTypes(['miniprogrampage'], stringProperty('miniProgramAppId', 'Mini Program AppID', 'AppID of a Mini Program linked to this Official Account', { required: true })),
        forTypes(['miniprogrampage'], stringProperty('pagePath', 'Page Path', 'Page to open, e.g. pages/index/index?id=1', { required: true })),
    ];
}
function readSimple(ctx, i, fields, later) {
    const payload = {};
    for (const field of fields) {
        if (later.includes(field.key)) {
            payload[field.key] = '';
            continue;
        }
        const value = (0, input_1.stringParam)(ctx, i, field.param, { optional: !field.required });
        if (!value)
            continue;
        payload[field.key] = field.check === 'url' ? (0, messages_1.checkUrl)(field.param, value) : value;
    }
    return payload;
}
function entries(ctx, i, param, key) {
    const collection = ctx.getNodeParameter(param, i, {});
    const list = collection?.[key];
    return Array.isArray(list) ? list : [];
}
const str = (value) => (value === undefined || value === null ? '' : String(value).trim());
function readNews(ctx, i) {
    const articles = (0, messages_1.checkNewsArticles)('articles', entries(ctx, i, 'articles', 'article').map((a) => ({
        title: str(a.title),
        description: str(a.description),
        url: str(a.url),
        picurl: str(a.picUrl),
    })));
    return {
        articles: articles.map((a, n) => {
            const article = { title: (0, messages_1.requireValue)(`articles[${n}].title`, a.title) };
            if (a.description)
                article.description = a.description;
            article.url = (0, messages_1.checkUrl)(`articles[${n}].url`, a.url);
            if (a.picurl)
                article.picurl = (0, messages_1.checkUrl)(`articles[${n}].picUrl`, a.picurl);
            return article;
        }),
    };
}
function readMenu(ctx, i) {
    const list = (0, messages_1.checkMenuItems)('menuItems', entries(ctx, i, 'menuItems', 'item').map((m) => ({ id: str(m.id), content: str(m.content) })));
    return {
        head_content: (0, input_1.stringParam)(ctx, i, 'headContent', { optional: true }),
        list,
        tail_content: (0, input_1.stringParam)(ctx, i, 'tailContent', { optional: true }),
    };
}
function readPayload(ctx, i, type, later = []) {
    if (type === 'text') {
        return { content: (0, messages_1.checkText)('text', (0, input_1.stringParam)(ctx, i, 'text', { trim: false, optional: true })) };
    }
    if (type === 'news')
        return readNews(ctx, i);
    if (type === 'msgmenu')
        return readMenu(ctx, i);
    return readSimple(ctx, i, SIMPLE_FIELDS[type] ?? [], later);
}
