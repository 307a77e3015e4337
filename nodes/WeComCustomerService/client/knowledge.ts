import { listIn } from '../../shared/client/WeChatClient';
import { WeChatInputError } from '../../shared/errors';
import type { WeComClient } from './WeComClient';
import { WECOM_CALLS } from './calls';

/** WeCom's limits, in characters: a group name, a question, its similar questions, the answer. */
export const KNOWLEDGE_LIMITS = { groupName: 12, question: 200, similarQuestions: 100, answer: 500, attachments: 4 };
/** list_group and list_intent answer at most 1000 entries a page. */
export const KNOWLEDGE_PAGE_SIZE = 1000;

/** Length as WeCom counts it: characters (code points), not bytes. */
export function characters(text: string): number {
	return [...text].length;
}

/** A text of 1 to `max` characters, or an error naming `field`. */
export function checkText(field: string, text: string, max: number): string {
	if (text === '') throw new WeChatInputError(field, 'is required but empty');
	const length = characters(text);
	if (length > max) throw new WeChatInputError(field, `must be at most ${max} characters, got ${length}`);
	return text;
}

export type AttachmentType = 'image' | 'video' | 'link' | 'miniprogram';

/** One attachment of an answer, in WeCom's shape: `{ msgtype, [msgtype]: {…} }`. */
export type Attachment = { msgtype: AttachmentType } & Record<string, unknown>;

/** An intent's parts as WeCom takes them; add_intent needs question and answer. */
export interface IntentParts {
	question?: string;
	similarQuestions?: string[];
	answer?: { text: string; attachments: Attachment[] };
}

const text = (content: string) => ({ text: { content } });

/** Checks the parts against WeCom's limits, before any request. */
export function checkIntentParts(parts: IntentParts): void {
	if (parts.question !== undefined) checkText('question', parts.question, KNOWLEDGE_LIMITS.question);
	if (parts.similarQuestions !== undefined) {
		if (parts.similarQuestions.length > KNOWLEDGE_LIMITS.similarQuestions) {
			throw new WeChatInputError(
				'similarQuestions',
				`must hold at most ${KNOWLEDGE_LIMITS.similarQuestions} questions, got ${parts.similarQuestions.length}`,
			);
		}
		parts.similarQuestions.forEach((q, i) => {
			const length = characters(q);
			if (length > KNOWLEDGE_LIMITS.question) {
				throw new WeChatInputError('similarQuestions', `question ${i + 1} must be at most ${KNOWLEDGE_LIMITS.question} characters, got ${length}`);
			}
		});
	}
	if (parts.answer !== undefined) {
		checkText('answer', parts.answer.text, KNOWLEDGE_LIMITS.answer);
		if (parts.answer.attachments.length > KNOWLEDGE_LIMITS.attachments) {
			throw new WeChatInputError('attachments', `must hold at most ${KNOWLEDGE_LIMITS.attachments} attachments, got ${parts.answer.attachments.length}`);
		}
	}
}

function intentBody(parts: IntentParts): Record<string, unknown> {
	return {
		...(parts.question !== undefined ? { question: text(parts.question) } : {}),
		...(parts.similarQuestions !== undefined ? { similar_questions: { items: parts.similarQuestions.map(text) } } : {}),
		...(parts.answer !== undefined ? { answers: [{ ...text(parts.answer.text), attachments: parts.answer.attachments }] } : {}),
	};
}

export async function addGroup(client: WeComClient, name: string): Promise<string> {
	const answer = await client.write<{ errcode: number; errmsg: string; group_id?: string }>(WECOM_CALLS.addGroup.path, { name });
	return String(answer.group_id ?? '');
}

export async function renameGroup(client: WeComClient, groupId: string, name: string): Promise<void> {
	await client.write(WECOM_CALLS.updateGroup.path, { group_id: groupId, name });
}

export async function deleteGroup(client: WeComClient, groupId: string): Promise<void> {
	await client.write(WECOM_CALLS.deleteGroup.path, { group_id: groupId });
}

export async function addIntent(client: WeComClient, groupId: string, parts: IntentParts): Promise<string> {
	const answer = await client.write<{ errcode: number; errmsg: string; intent_id?: string }>(WECOM_CALLS.addIntent.path, {
		group_id: groupId,
		...intentBody(parts),
	});
	return String(answer.intent_id ?? '');
}

export async function updateIntent(client: WeComClient, intentId: string, parts: IntentParts): Promise<void> {
	await client.write(WECOM_CALLS.updateIntent.path, { intent_id: intentId, ...intentBody(parts) });
}

export async function deleteIntent(client: WeComClient, intentId: string): Promise<void> {
	await client.write(WECOM_CALLS.deleteIntent.path, { intent_id: intentId });
}

type PagedAnswer = {
	errcode: number;
	errmsg: string;
	next_cursor?: string;
	has_more?: number;
};

/** Every entry of a cursor-paged list, up to `limit` (all when undefined). */
async function listPaged<T>(
	client: WeComClient,
	call: typeof WECOM_CALLS.listGroups | typeof WECOM_CALLS.listIntents,
	field: string,
	filter: Record<string, string>,
	limit?: number,
): Promise<T[]> {
	const path = call.path;
	const entries: T[] = [];
	let cursor = '';
	while (limit === undefined || entries.length < limit) {
		const want = limit === undefined ? KNOWLEDGE_PAGE_SIZE : Math.min(KNOWLEDGE_PAGE_SIZE, limit - entries.length);
		const answer = await client.read<PagedAnswer>(path, { ...filter, ...(cursor ? { cursor } : {}), limit: want });
		entries.push(...listIn<T>(answer, field, path, 'WeCom').slice(0, want));
		cursor = String(answer.next_cursor ?? '');
		if (answer.has_more !== 1 || !cursor) break;
	}
	return entries;
}

export interface KnowledgeGroup {
	group_id: string;
	name: string;
	is_default: number;
	[key: string]: unknown;
}

export async function listGroups(client: WeComClient, limit?: number): Promise<KnowledgeGroup[]> {
	return await listPaged<KnowledgeGroup>(client, WECOM_CALLS.listGroups, 'group_list', {}, limit);
}

export async function listIntents(client: WeComClient, groupId: string, limit?: number): Promise<Array<Record<string, unknown>>> {
	return await listPaged(client, WECOM_CALLS.listIntents, 'intent_list', groupId ? { group_id: groupId } : {}, limit);
}
