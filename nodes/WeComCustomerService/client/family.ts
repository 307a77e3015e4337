import type { ApiFamily } from '../../shared/client/WeChatClient';
import type { Endpoint } from '../../shared/errors';
import { WECOM_WORDING } from './hints';

export const WECOM_API_HOST: Endpoint = { name: 'the WeCom API host', setting: 'API Host (or Base URL)' };

/** WeCom's temporary media: a file may be 20 MB; the cap is twice that. */
export const WECOM_MEDIA_MAX_BYTES = 20 * 1024 * 1024;

/** WeCom's API as the shared client calls it. */
export const WECOM_API: ApiFamily = {
	service: 'WeCom',
	endpoint: WECOM_API_HOST,
	wording: WECOM_WORDING,
	mediaCap: {
		maxBytes: 2 * WECOM_MEDIA_MAX_BYTES,
		allowed: 'WeCom allows temporary media of at most 20 MB (image 10 MB, voice 2 MB, video 10 MB, file 20 MB)',
	},
	// WeCom tokens are always fetched with the Secret, so a rejected one can always be renewed.
	fixedTokenHint: '',
};
