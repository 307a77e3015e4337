import type { ApiFamily } from '../../shared/client/WeChatClient';
import { WECHAT_API } from '../../shared/errors';
import { MEDIA_CAP } from './downloadCaps';
import { OFFICIAL_ACCOUNT_WORDING } from './hints';
import { FIXED_TOKEN_HINT } from './tokens';

/** The Official Account's API as the shared client calls it. */
export const OFFICIAL_ACCOUNT_API: ApiFamily = {
	service: 'WeChat',
	endpoint: WECHAT_API,
	wording: OFFICIAL_ACCOUNT_WORDING,
	mediaCap: MEDIA_CAP,
	fixedTokenHint: FIXED_TOKEN_HINT,
};
