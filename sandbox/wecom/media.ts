// WeCom temporary media: image ≤10 MB (JPG, PNG), voice ≤2 MB (AMR), video ≤10 MB (MP4), file
// ≤20 MB (any), every file more than 5 bytes; kept 3 days. The format tests are the sandbox's own.
import { MEDIA_LIMITS, customerFile } from '../media';
import type { WeComCorp } from './corp';
import { weComError } from './errors';
import { newId } from './ids';
import type { WeComMedia } from './model';

const MB = 1024 * 1024;

export const WECOM_MEDIA_TYPES = ['image', 'voice', 'video', 'file'] as const;

function detect(type: WeComMedia['type'], bytes: Buffer): string | undefined {
	if (type === 'file') return 'application/octet-stream';
	const formats = type === 'image' ? MEDIA_LIMITS.image.formats.filter((f) => f.extension !== 'gif') : MEDIA_LIMITS[type].formats;
	const usable = type === 'voice' ? formats.filter((f) => f.extension === 'amr') : formats;
	return usable.find((f) => f.test(bytes))?.mimeType;
}

const MAX_BYTES: Record<WeComMedia['type'], number> = { image: 10 * MB, voice: 2 * MB, video: 10 * MB, file: 20 * MB };

/** Checks and stores an upload: 40005 wrong content, 40006 too small or too big. */
export function addMedia(corp: WeComCorp, type: WeComMedia['type'], bytes: Buffer, fileName: string): WeComMedia {
	if (bytes.length <= 5 || bytes.length > MAX_BYTES[type]) throw weComError(40006);
	const mimeType = detect(type, bytes);
	if (!mimeType) throw weComError(40005);
	const media: WeComMedia = { media_id: newId('3', 63), type, bytes: Buffer.from(bytes), mimeType, fileName, created_at: corp.clock.now() };
	corp.media.set(media.media_id, media);
	return media;
}

/** Media a customer sent: stored without the upload checks (silk voice is not uploadable). */
export function customerMedia(corp: WeComCorp, type: WeComMedia['type'], format?: 'silk'): WeComMedia {
	const bytes =
		format === 'silk'
			? Buffer.concat([Buffer.from('\x02#!SILK_V3', 'latin1'), Buffer.alloc(400, 0x11)])
			: type === 'file'
				? Buffer.from('%PDF-1.4\n% sandbox file\n%%EOF\n', 'latin1')
				: customerFile(type);
	const ext = format === 'silk' ? 'silk' : { image: 'jpg', voice: 'amr', video: 'mp4', file: 'pdf' }[type];
	const mimeType = format === 'silk' ? 'audio/silk' : { image: 'image/jpeg', voice: 'audio/amr', video: 'video/mp4', file: 'application/pdf' }[type];
	const media: WeComMedia = { media_id: newId('3', 63), type, bytes, mimeType, fileName: `customer.${ext}`, created_at: corp.clock.now() };
	corp.media.set(media.media_id, media);
	return media;
}
