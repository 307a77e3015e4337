import { inputError, optionParam, stringParam } from '../../../shared/execution/input';
import { optionsCollection, readLimit, returnAllProperties, workflowTimeFormatter } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { messageItem, syncUntilEnd, type KfMessage } from '../../client/sync';
import type { OperationDefinition } from '../../execution/types';
import { VOICE_FORMATS, voiceFormatCode, voiceFormatOption } from '../../execution/voiceFormat';
import { openKfIdProperty, readOpenKfId } from '../shared';

/** WeCom's cursors are at most 64 bytes. */
const MAX_CURSOR_BYTES = 64;

export const syncMessages: OperationDefinition = {
	option: {
		name: 'Sync',
		value: 'sync',
		action: 'Sync messages',
		description:
			'Pull an account’s messages and events after a cursor you keep (kf/sync_msg, paged until has_more is 0): one item with msg_list, next_cursor and has_more',
	},
	api: apiLine(WECOM_CALLS.syncMessages),
	properties: [
		openKfIdProperty(),
		{
			displayName: 'Cursor',
			name: 'cursor',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.next_cursor }}',
			description:
				'The next_cursor of the previous sync. Empty: from the oldest message WeCom still holds (3 days). Save next_cursor after every run, e.g. in a data table.',
		},
		{
			displayName: 'Callback Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional: the Token of a kf_msg_or_event callback (valid 10 minutes). Without it WeCom allows only a few calls a minute; an expired one is dropped and the call repeated without it.',
		},
		...returnAllProperties(),
		optionsCollection([voiceFormatOption]),
	],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		const cursor = stringParam(this, itemIndex, 'cursor', { optional: true });
		if (Buffer.byteLength(cursor) > MAX_CURSOR_BYTES) {
			throw inputError('cursor', `must be a next_cursor WeCom returned (at most ${MAX_CURSOR_BYTES} bytes), got ${Buffer.byteLength(cursor)} bytes`);
		}
		const token = stringParam(this, itemIndex, 'token', { optional: true });
		const limit = readLimit(this, itemIndex);
		const voiceFormat = voiceFormatCode(optionParam(this, itemIndex, 'options.voiceFormat', VOICE_FORMATS, 'amr'));
		const time = workflowTimeFormatter(this);
		const messages: KfMessage[] = [];
		const outcome = await syncUntilEnd(
			client,
			{ openKfId, cursor, token, voiceFormat },
			(page) => void messages.push(...page.messages),
			limit,
		);
		return {
			open_kfid: openKfId,
			next_cursor: outcome.cursor,
			has_more: outcome.hasMore ? 1 : 0,
			msg_list: messages.map((m) => messageItem(m, time)),
		};
	},
};
