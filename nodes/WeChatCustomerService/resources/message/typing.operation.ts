import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import type { OperationDefinition } from '../../execution/types';
import { optionParam } from '../../../shared/execution/input';
import { TYPING_COMMANDS } from '../../client/messages';
import { openidProperty, readOpenid } from '../shared';
import { optionsCollection } from '../../../shared/execution/parameters';

export const sendTyping: OperationDefinition = {
	option: {
		name: 'Typing',
		value: 'typing',
		action: 'Show or hide typing',
		description:
			'Show “typing…” to a customer for up to 15 seconds, or cancel it; sending a message also ends it (message/custom/typing)',
	},
	api: apiLine(KF_CALLS.sendTyping),
	outcome: { [KF_CALLS.sendTyping.path]: { done: 'shown the typing indicator', then: 'it ends by itself within 15 seconds' } },
	properties: [
		openidProperty,
		{
			displayName: 'Command',
			name: 'command',
			type: 'options',
			options: [
				{ name: 'Cancel Typing', value: 'cancel', description: 'Hide the typing indicator (CancelTyping)' },
				{ name: 'Typing', value: 'typing', description: 'Show the typing indicator (Typing)' },
			],
			default: 'typing',
		},
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const openid = readOpenid(this, itemIndex);
		const commands = Object.keys(TYPING_COMMANDS) as (keyof typeof TYPING_COMMANDS)[];
		const command = optionParam(this, itemIndex, 'command', commands, 'typing', '"typing" or "cancel"');
		const wechatCommand = TYPING_COMMANDS[command];
		await client.sendTyping(openid, wechatCommand);
		return { success: true, openid, command: wechatCommand };
	},
};
