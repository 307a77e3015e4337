// The knowledge base's parameters: a group, an intent's question, similar questions, answer and
// attachments, read and checked against WeCom's limits before any request.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, stringParam } from '../../../shared/execution/input';
import { checkIntentParts, KNOWLEDGE_LIMITS, type Attachment, type AttachmentType, type IntentParts } from '../../client/knowledge';

export function groupIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		required: true,
		default: '',
		description: `${description} (Knowledge Base → Get Many Groups lists them)`,
	};
}

export const groupNameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	description: `The group’s name: at most ${KNOWLEDGE_LIMITS.groupName} characters, unique in the knowledge base`,
};

export const intentIdProperty: INodeProperties = {
	displayName: 'Intent ID',
	name: 'intentId',
	type: 'string',
	required: true,
	default: '',
	description: 'The intent (a question and its answer); Knowledge Base → Get Many Intents lists them',
};

const questionProperty: INodeProperties = {
	displayName: 'Question',
	name: 'question',
	type: 'string',
	default: '',
	description: `The main question, at most ${KNOWLEDGE_LIMITS.question} characters`,
};

const similarQuestionsProperty: INodeProperties = {
	displayName: 'Similar Questions',
	name: 'similarQuestions',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: `Other ways customers ask it, one per line (or a list from an expression): at most ${KNOWLEDGE_LIMITS.similarQuestions}, each at most ${KNOWLEDGE_LIMITS.question} characters`,
};

const answerProperty: INodeProperties = {
	displayName: 'Answer',
	name: 'answer',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: `The assistant’s answer, at most ${KNOWLEDGE_LIMITS.answer} characters`,
};

const show = (...types: AttachmentType[]) => ({ show: { type: types } });

const attachmentsProperty: INodeProperties = {
	displayName: 'Attachments',
	name: 'attachments',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Attachment',
	default: {},
	description: `Sent with the answer: at most ${KNOWLEDGE_LIMITS.attachments} images, videos, links or mini programs`,
	options: [
		{
			displayName: 'Attachment',
			name: 'attachment',
			values: [
				{ displayName: 'Description', name: 'desc', type: 'string', default: '', displayOptions: show('link') },
				{ displayName: 'Media ID', name: 'mediaId', type: 'string', default: '', displayOptions: show('image', 'video'), description: 'A media_id from Media → Upload' },
				{ displayName: 'Mini Program AppID', name: 'appId', type: 'string', default: '', displayOptions: show('miniprogram') },
				{ displayName: 'Page Path', name: 'pagePath', type: 'string', default: '', displayOptions: show('miniprogram') },
				{ displayName: 'Picture URL', name: 'picUrl', type: 'string', default: '', displayOptions: show('link') },
				{
					displayName: 'Thumbnail Media ID',
					name: 'thumbMediaId',
					type: 'string',
					default: '',
					displayOptions: show('miniprogram'),
					description: 'A media_id of an image from Media → Upload',
				},
				{ displayName: 'Title', name: 'title', type: 'string', default: '', displayOptions: show('link', 'miniprogram') },
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'image',
					options: [
						{ name: 'Image', value: 'image' },
						{ name: 'Link', value: 'link' },
						{ name: 'Mini Program', value: 'miniprogram' },
						{ name: 'Video', value: 'video' },
					],
				},
				{ displayName: 'URL', name: 'url', type: 'string', default: '', displayOptions: show('link') },
			],
		},
	],
};

/** Create Intent's parameters: the question and answer required, the rest optional. */
export const intentProperties: INodeProperties[] = [
	{ ...questionProperty, required: true },
	similarQuestionsProperty,
	{ ...answerProperty, required: true },
	attachmentsProperty,
];

/** Update Intent's fields: only those added are sent; the answer's attachments go with its text. */
export const intentUpdateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [answerProperty, attachmentsProperty, questionProperty, similarQuestionsProperty],
};

function lines(raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw.map((v) => String(v ?? '')) : String(raw ?? '').split(/\r?\n/);
	return parts.map((p) => p.trim()).filter(Boolean);
}

const text = (value: unknown) => String(value ?? '').trim();

/** One attachment in WeCom's shape, each required field named as the panel shows it. */
function attachmentOf(entry: IDataObject, index: number): Attachment {
	const field = (name: string) => `attachments[${index}].${name}`;
	const required = (name: string) => {
		const value = text(entry[name]);
		if (!value) throw inputError(field(name), 'is required but empty');
		return value;
	};
	const type = text(entry.type || 'image') as AttachmentType;
	switch (type) {
		case 'image':
		case 'video':
			return { msgtype: type, [type]: { media_id: required('mediaId') } };
		case 'link':
			return { msgtype: 'link', link: { title: required('title'), url: required('url'), desc: text(entry.desc), picurl: text(entry.picUrl) } };
		case 'miniprogram':
			return {
				msgtype: 'miniprogram',
				miniprogram: { title: required('title'), appid: required('appId'), pagepath: required('pagePath'), thumb_media_id: required('thumbMediaId') },
			};
		default:
			throw inputError(field('type'), `must be image, video, link or miniprogram, got "${String(type)}"`);
	}
}

function attachmentsOf(raw: unknown): Attachment[] {
	return (((raw ?? {}) as { attachment?: IDataObject[] }).attachment ?? []).map(attachmentOf);
}

/** Create Intent's parts of item `itemIndex`, checked against WeCom's limits. */
export function readIntent(ctx: IExecuteFunctions, itemIndex: number): IntentParts {
	const parts = {
		question: stringParam(ctx, itemIndex, 'question', { optional: true }),
		similarQuestions: lines(ctx.getNodeParameter('similarQuestions', itemIndex, '')),
		answer: {
			text: stringParam(ctx, itemIndex, 'answer', { optional: true }),
			attachments: attachmentsOf(ctx.getNodeParameter('attachments', itemIndex, {})),
		},
	};
	checkIntentParts(parts);
	return parts;
}

/** Update Intent's parts of item `itemIndex`: the fields added, at least one. */
export function readIntentUpdate(ctx: IExecuteFunctions, itemIndex: number): IntentParts {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const parts: IntentParts = {};
	if ('question' in fields) parts.question = text(fields.question);
	if ('similarQuestions' in fields) parts.similarQuestions = lines(fields.similarQuestions);
	if ('answer' in fields) parts.answer = { text: text(fields.answer), attachments: attachmentsOf(fields.attachments) };
	else if ('attachments' in fields) throw inputError('attachments', 'go with the answer: add the Answer field too (WeCom replaces the whole answer)');
	if (Object.keys(parts).length === 0) throw inputError('updateFields', 'is empty: add the question, similar questions or answer to change');
	checkIntentParts(parts);
	return parts;
}
