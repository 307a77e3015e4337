import type { INodeProperties } from 'n8n-workflow';

import { ORIGIN_CODES, type OriginName } from '../client/sync';
import { voiceFormatOption } from '../execution/voiceFormat';

/** The values of the Origins parameter: sync_msg's origin names. */
export const ORIGIN_NAMES = Object.keys(ORIGIN_CODES) as OriginName[];

const MESSAGE_TYPE_OPTIONS: Array<{ name: string; value: string; description: string }> = [
	{ name: 'Everything', value: '*', description: 'Every message type and event, including ones not listed here' },
	{ name: 'Text', value: 'text', description: 'Text (with menu_id when it answers a menu)' },
	{ name: 'Image', value: 'image', description: 'A picture (image.media_id)' },
	{ name: 'Voice', value: 'voice', description: 'A voice message (voice.media_id)' },
	{ name: 'Video', value: 'video', description: 'A video (video.media_id)' },
	{ name: 'File', value: 'file', description: 'A file (file.media_id)' },
	{ name: 'Location', value: 'location', description: 'A shared location' },
	{ name: 'Link', value: 'link', description: 'A shared link' },
	{ name: 'Business Card', value: 'business_card', description: 'A shared contact card' },
	{ name: 'Mini Program', value: 'miniprogram', description: 'A shared mini program' },
	{ name: 'Menu', value: 'msgmenu', description: 'A menu message' },
	{ name: 'Event', value: 'event', description: 'A system event (origin system): enter_session, session_status_change…' },
];

/** Every value the Message Types parameter may hold. */
export const MESSAGE_TYPE_VALUES = MESSAGE_TYPE_OPTIONS.map((o) => o.value);

export const START_FROM_VALUES = ['now', 'oldestAvailable'] as const;
export type StartFrom = (typeof START_FROM_VALUES)[number];

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Paste the production URL into WeCom admin → 微信客服 → API → callback configuration (回调配置), with the Token and EncodingAESKey of the callback credential; then publish the workflow. WeCom only announces that messages wait: the trigger answers at once, then pulls them with sync_msg and keeps the cursor.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Account IDs',
		name: 'openKfIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q, wkBookingDemo0000000000000000000',
		description:
			'Comma-separated open_kfids of the 微信客服 accounts to pull for. Empty: whichever account a callback names.',
	},
	{
		displayName: 'Origins',
		name: 'origins',
		type: 'multiOptions',
		options: [
			{ name: 'Customer', value: 'customer', description: 'Messages customers send (origin 3)' },
			{
				name: 'System',
				value: 'system',
				description:
					'Events (origin 4): enter_session, session_status_change, msg_send_fail, servicer_status_change, recalls…',
			},
			{ name: 'Servicer', value: 'servicer', description: 'Messages servicers send from the WeCom client (origin 5)' },
		],
		default: ['customer'],
		description: 'Whose messages start the workflow. Others are pulled (so the cursor moves on) but start nothing.',
	},
	{
		displayName: 'Message Types',
		name: 'messageTypes',
		type: 'multiOptions',
		options: MESSAGE_TYPE_OPTIONS,
		default: ['*'],
		description: 'Which msgtype values start the workflow',
	},
	{
		displayName: 'Start From',
		name: 'startFrom',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Now',
				value: 'now',
				description:
					'On the first callback for an account, skip what was sent before the workflow was activated',
			},
			{
				name: 'Oldest Available',
				value: 'oldestAvailable',
				description: 'On the first callback for an account, emit everything WeCom still holds (up to 3 days)',
			},
		],
		default: 'now',
		description: 'Where an account without a saved cursor starts; later callbacks always go on from the cursor',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Download Media',
				name: 'downloadMedia',
				type: 'boolean',
				default: false,
				description:
					"Whether to put a customer's image, voice, video or file into the binary property \"data\" (media/get; WeCom allows at most 20 MB)",
			},
			{
				displayName: 'Max Age (Seconds)',
				name: 'maxAgeSeconds',
				type: 'number',
				default: 300,
				typeOptions: { minValue: 0 },
				description:
					'Refuse callbacks whose signed timestamp is further than this from the server clock, in either direction. 0 turns the check off.',
			},
			voiceFormatOption,
		],
	},
];
