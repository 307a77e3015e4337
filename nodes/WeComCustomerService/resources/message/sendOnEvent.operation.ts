import { optionParam, stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { EVENT_TYPES, sendMessageOnEvent } from '../../client/messages';
import type { OperationDefinition } from '../../execution/types';
import { messageProperties, readMessage } from './fields';
import { msgidOption, readMsgid } from './msgid';

export const sendOnEvent: OperationDefinition = {
	option: {
		name: 'Send on Event',
		value: 'sendOnEvent',
		action: 'Send a message on an event',
		description:
			'Answer an event with the code it carried, e.g. a welcome message with the welcome_code of enter_session (valid 20 seconds, usable once) (kf/send_msg_on_event)',
	},
	api: apiLine(WECOM_CALLS.sendOnEvent),
	outcome: {
		[WECOM_CALLS.sendOnEvent.path]: { done: 'sent the message', then: 'an event code works once, so running it again is refused (40058) if it was sent' },
	},
	properties: [
		{
			displayName: 'Event Code',
			name: 'code',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.event.welcome_code }}',
			description:
				'The code of the event: a welcome_code (enter_session; valid 20 seconds, one message of text or menu) or a msg_code (session_status_change; one message while the session stays in that state). Each code sends one message.',
		},
		...messageProperties(EVENT_TYPES),
		optionsCollection([msgidOption]),
	],
	async execute({ itemIndex, client }) {
		// WeCom's codes are opaque: any non-empty one goes to WeCom, which knows whether it is valid.
		const code = stringParam(this, itemIndex, 'code');
		const msgtype = optionParam(this, itemIndex, 'messageType', EVENT_TYPES, 'text');
		const { payload } = await readMessage(this, itemIndex, msgtype);
		const msgid = readMsgid(this, itemIndex);
		const sent = await sendMessageOnEvent(client, code, { msgtype, payload, msgid });
		return { msgid: sent, code, msgtype };
	},
};
