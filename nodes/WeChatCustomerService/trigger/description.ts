import type { INodeProperties } from 'n8n-workflow';

const EVENT_OPTIONS: Array<{ name: string; value: string; description: string }> = [
	{ name: 'Everything', value: '*', description: 'Every message and event, including ones not listed here' },
	{ name: 'Text Message', value: 'text', description: 'A customer wrote text' },
	{ name: 'Image Message', value: 'image', description: 'A customer sent a picture' },
	{ name: 'Voice Message', value: 'voice', description: 'A customer sent a voice message' },
	{ name: 'Video Message', value: 'video', description: 'A customer sent a video' },
	{ name: 'Short Video Message', value: 'shortvideo', description: 'A customer sent a short video' },
	{ name: 'Location Message', value: 'location', description: 'A customer shared a location' },
	{ name: 'Link Message', value: 'link', description: 'A customer shared a link' },
	{ name: 'Subscribe', value: 'subscribe', description: 'A user followed the Official Account' },
	{ name: 'Unsubscribe', value: 'unsubscribe', description: 'A user unfollowed the Official Account' },
	{ name: 'Session Created', value: 'kf_create_session', description: 'An agent took a customer (kf_create_session)' },
	{ name: 'Session Closed', value: 'kf_close_session', description: 'A session ended (kf_close_session)' },
	{
		name: 'Session Switched',
		value: 'kf_switch_session',
		description: 'A session moved to another agent (kf_switch_session)',
	},
];

/** Every value the Events parameter may hold. */
export const EVENT_VALUES = EVENT_OPTIONS.map((o) => o.value);

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Paste the production URL (POST) into the Official Account console → Settings and Development → Basic Configuration → Server URL, with the Token (and EncodingAESKey) of the credential; then publish the workflow.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: ['*'],
		description:
			'Which pushes start the workflow. Others are answered "success" and start nothing.',
	},
	{
		displayName: 'Reply',
		name: 'reply',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Acknowledge',
				value: 'acknowledge',
				description:
					'Answer "success" at once; the workflow replies later with Message → Send (possible for 48 hours)',
			},
			{
				name: 'Transfer to Human Agents',
				value: 'transfer',
				description: 'Answer every customer message with transfer_customer_service: it goes to the agents’ queue',
			},
			{
				name: 'Transfer on Keywords',
				value: 'transferOnKeywords',
				description: 'Transfer text messages that contain one of the keywords; acknowledge everything else',
			},
		],
		default: 'acknowledge',
		description: 'What WeChat gets back, before the workflow runs. Events are always acknowledged.',
	},
	{
		displayName: 'Transfer To Agent Account',
		name: 'transferKfAccount',
		type: 'string',
		default: '',
		placeholder: 'e.g. alice@my_official_account',
		description:
			'Optional: hand the customer to this agent (TransInfo/KfAccount). The customer then waits for that agent only.',
		displayOptions: { show: { reply: ['transfer', 'transferOnKeywords'] } },
	},
	{
		displayName: 'Transfer Keywords',
		name: 'transferKeywords',
		type: 'string',
		default: '人工, 客服, human',
		description:
			'Comma-separated (ASCII or Chinese commas); a text message containing any of them (ignoring case) is transferred. By default: the Chinese for "human agent" and "customer service", and "human".',
		displayOptions: { show: { reply: ['transferOnKeywords'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Deduplicate',
				name: 'deduplicate',
				type: 'boolean',
				default: true,
				description:
					'Whether a repeat of a push within 10 minutes (WeChat retries) gets the same answer and starts no second execution',
			},
			{
				displayName: 'Include Raw XML',
				name: 'includeRawXml',
				type: 'boolean',
				default: false,
				description: 'Whether to add the (decrypted) message XML as rawXml',
			},
			{
				displayName: 'Max Age (Seconds)',
				name: 'maxAgeSeconds',
				type: 'number',
				default: 300,
				typeOptions: { minValue: 0 },
				description:
					'Refuse pushes whose signed timestamp is further than this from the server clock, in either direction. 0 turns the check off.',
			},
		],
	},
];
