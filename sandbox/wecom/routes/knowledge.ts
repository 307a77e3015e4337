// kf/knowledge/*: groups (name ≤12 characters, unique, at most 100, the default group fixed) and
// intents (question ≤200 characters, unique across groups; ≤100 similar questions; one answer
// ≤500 characters with ≤4 attachments; ≤200 intents per group). Lists page by cursor.
import type { ReceivedRequest, Route, SandboxContext } from '../../types';
import type { WeComCorp } from '../corp';
import { ok, weComError } from '../errors';
import { newId } from '../ids';
import type { KnowledgeGroup, KnowledgeIntent } from '../model';
import { body, charLength, corpOf, decodeCursor, encodeCursor, optionalInt } from './common';

export const KNOWLEDGE_LIMITS = { groups: 100, groupName: 12, intentsPerGroup: 200, question: 200, similar: 100, answer: 500, attachments: 4 };
const ATTACHMENT_TYPES = ['image', 'video', 'link', 'miniprogram'];

function groupName(corp: WeComCorp, value: unknown, except?: string): string {
	if (typeof value !== 'string' || value.trim() === '' || charLength(value) > KNOWLEDGE_LIMITS.groupName) {
		throw weComError(40058, `name must be 1-${KNOWLEDGE_LIMITS.groupName} characters`);
	}
	if ([...corp.groups.values()].some((g) => g.name === value && g.group_id !== except)) throw weComError(40058, 'group name already exists');
	return value;
}

function editableGroup(corp: WeComCorp, groupId: unknown): KnowledgeGroup {
	const group = typeof groupId === 'string' ? corp.groups.get(groupId) : undefined;
	if (!group) throw weComError(40058, 'invalid group_id');
	if (group.is_default) throw weComError(40058, 'the default group cannot be changed');
	return group;
}

function page<T>(b: Record<string, unknown>, kind: string, items: T[], key: string) {
	const limit = optionalInt(b, 'limit', 1, 1000, 500);
	const start = decodeCursor(kind, b.cursor);
	const slice = items.slice(start, start + limit);
	const more = start + slice.length < items.length;
	return { ...(more ? { next_cursor: encodeCursor(kind, start + slice.length) } : { next_cursor: '' }), has_more: more ? 1 : 0, [key]: slice };
}

const text = (content: string) => ({ text: { content } });

function textOf(value: unknown, field: string, max: number): string {
	const content = (value as { text?: { content?: unknown } } | undefined)?.text?.content;
	if (typeof content !== 'string' || content.trim() === '') throw weComError(40058, `${field} missing`);
	if (charLength(content) > max) throw weComError(40058, `${field} exceeds ${max} characters`);
	return content;
}

/** The parts of an intent given in a body (all of them for add). */
function intentParts(corp: WeComCorp, b: Record<string, unknown>, except?: string): Partial<KnowledgeIntent> {
	const parts: Partial<KnowledgeIntent> = {};
	if (b.question !== undefined) {
		const q = textOf(b.question, 'question.text.content', KNOWLEDGE_LIMITS.question);
		if ([...corp.intents.values()].some((i) => i.question.text.content === q && i.intent_id !== except)) throw weComError(40058, 'question already exists');
		parts.question = text(q);
	}
	if (b.similar_questions !== undefined) {
		const items = (b.similar_questions as { items?: unknown }).items ?? [];
		if (!Array.isArray(items) || items.length > KNOWLEDGE_LIMITS.similar) throw weComError(40058, `at most ${KNOWLEDGE_LIMITS.similar} similar questions`);
		parts.similar_questions = { items: items.map((item, i) => text(textOf(item, `similar_questions.items[${i}].text.content`, KNOWLEDGE_LIMITS.question))) };
	}
	if (b.answers !== undefined) {
		if (!Array.isArray(b.answers) || b.answers.length !== 1) throw weComError(40058, 'answers must hold exactly 1 answer');
		const answer = b.answers[0] as { attachments?: unknown };
		const content = textOf(answer, 'answers[0].text.content', KNOWLEDGE_LIMITS.answer);
		const attachments = answer.attachments ?? [];
		if (!Array.isArray(attachments) || attachments.length > KNOWLEDGE_LIMITS.attachments) throw weComError(40058, `at most ${KNOWLEDGE_LIMITS.attachments} attachments`);
		attachments.forEach((a: Record<string, unknown>, i) => {
			if (!ATTACHMENT_TYPES.includes(a?.msgtype as string) || typeof a[a.msgtype as string] !== 'object') throw weComError(40058, `answers[0].attachments[${i}]`);
		});
		parts.answers = [{ ...text(content), attachments: attachments as Record<string, unknown>[] }];
	}
	return parts;
}

function handlers(corp: WeComCorp, path: string, b: Record<string, unknown>): object {
	switch (path) {
		case 'add_group': {
			const name = groupName(corp, b.name);
			if (corp.groups.size >= KNOWLEDGE_LIMITS.groups) throw weComError(40058, `at most ${KNOWLEDGE_LIMITS.groups} groups`);
			const group = { group_id: newId('', 32), name, is_default: 0 as const };
			corp.groups.set(group.group_id, group);
			return { group_id: group.group_id };
		}
		case 'mod_group': {
			const group = editableGroup(corp, b.group_id);
			group.name = groupName(corp, b.name, group.group_id);
			return {};
		}
		case 'del_group': {
			const group = editableGroup(corp, b.group_id);
			corp.groups.delete(group.group_id);
			for (const i of [...corp.intents.values()]) if (i.group_id === group.group_id) corp.intents.delete(i.intent_id);
			return {};
		}
		case 'list_group': {
			const groups = [...corp.groups.values()].filter((g) => b.group_id === undefined || g.group_id === b.group_id);
			return page(b, 'group', groups, 'group_list');
		}
		case 'add_intent': {
			const group = typeof b.group_id === 'string' ? corp.groups.get(b.group_id) : undefined;
			if (!group) throw weComError(40058, 'invalid group_id');
			if (b.question === undefined || b.answers === undefined) throw weComError(40058, 'question and answers are required');
			if ([...corp.intents.values()].filter((i) => i.group_id === group.group_id).length >= KNOWLEDGE_LIMITS.intentsPerGroup) {
				throw weComError(40058, `at most ${KNOWLEDGE_LIMITS.intentsPerGroup} intents per group`);
			}
			const intent = { intent_id: newId('', 32), group_id: group.group_id, similar_questions: { items: [] }, ...intentParts(corp, b) } as KnowledgeIntent;
			corp.intents.set(intent.intent_id, intent);
			return { intent_id: intent.intent_id };
		}
		case 'mod_intent': {
			const intent = typeof b.intent_id === 'string' ? corp.intents.get(b.intent_id) : undefined;
			if (!intent) throw weComError(40058, 'invalid intent_id');
			Object.assign(intent, intentParts(corp, b, intent.intent_id));
			return {};
		}
		case 'del_intent': {
			if (typeof b.intent_id !== 'string' || !corp.intents.delete(b.intent_id)) throw weComError(40058, 'invalid intent_id');
			return {};
		}
		default: {
			const intents = [...corp.intents.values()].filter((i) => (b.group_id === undefined || i.group_id === b.group_id) && (b.intent_id === undefined || i.intent_id === b.intent_id));
			return page(b, 'intent', intents, 'intent_list');
		}
	}
}

const PATHS = ['add_group', 'del_group', 'mod_group', 'list_group', 'add_intent', 'del_intent', 'mod_intent', 'list_intent'];

export const weComKnowledgeRoutes: Route[] = PATHS.map((name) => ({
	method: 'POST' as const,
	path: `/cgi-bin/kf/knowledge/${name}`,
	handler: (req: ReceivedRequest, sb: SandboxContext) => {
		const corp = corpOf(req, sb);
		return { json: ok(handlers(corp, name, req.rawBody.length || !name.startsWith('list') ? body(req) : {})) };
	},
}));
