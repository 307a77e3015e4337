// Byte caps of downloads: twice what WeChat allows, so every file WeChat accepts fits and an
// answer that never ends (or says it is 1 GiB) is stopped long before it fills memory or disk.
import type { ByteCap } from '../../shared/transport/http';
import { AVATAR_MAX_BYTES } from './accounts';
import { MEDIA_RULES } from './media';

/** media/get and a video's video_url: WeChat keeps temporary media of at most 10 MB. */
export const MEDIA_CAP: ByteCap = {
	maxBytes: 2 * MEDIA_RULES.video.maxBytes,
	allowed: 'WeChat allows temporary media of at most 10 MB (image 10 MB, voice 2 MB, video 10 MB)',
};

/** kf_headimgurl: WeChat takes avatars of at most 5 MB. */
export const AVATAR_CAP: ByteCap = {
	maxBytes: 2 * AVATAR_MAX_BYTES,
	allowed: 'WeChat allows avatars of at most 5 MB',
};
