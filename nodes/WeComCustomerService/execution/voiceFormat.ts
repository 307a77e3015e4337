import type { INodeProperties } from 'n8n-workflow';

/** sync_msg's voice_format, as the trigger and Message → Sync offer it. */
export const VOICE_FORMATS = ['amr', 'silk'] as const;

export const voiceFormatOption: INodeProperties = {
	displayName: 'Voice Format',
	name: 'voiceFormat',
	type: 'options',
	options: [
		{ name: 'AMR', value: 'amr' },
		{ name: 'SILK', value: 'silk' },
	],
	default: 'amr',
	description: 'The format of voice messages (voice_format of sync_msg)',
};

/** voice_format: 0 AMR, 1 SILK. */
export function voiceFormatCode(format: (typeof VOICE_FORMATS)[number]): 0 | 1 {
	return format === 'silk' ? 1 : 0;
}
