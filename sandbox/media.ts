// Temporary media as WeChat keeps it: bytes exactly as uploaded, by media_id, for 3 days.
// The type checks are the sandbox's own (it plays WeChat), not the node's: a shared bug would
// let both agree on a wrong answer.
import { randomBytes } from 'node:crypto';

import { wxError } from './errors';

export type SandboxMediaType = 'image' | 'voice' | 'video' | 'thumb';

export const MEDIA_LIFETIME_SECONDS = 3 * 86400;

const MB = 1024 * 1024;

interface Format {
	mimeType: string;
	extension: string;
	test: (b: Buffer) => boolean;
}

const ascii = (b: Buffer, text: string, at = 0) => b.subarray(at, at + text.length).toString('latin1') === text;

const JPEG: Format = { mimeType: 'image/jpeg', extension: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff };
const PNG: Format = { mimeType: 'image/png', extension: 'png', test: (b) => ascii(b, '\x89PNG\r\n\x1a\n') };
const GIF: Format = { mimeType: 'image/gif', extension: 'gif', test: (b) => ascii(b, 'GIF87a') || ascii(b, 'GIF89a') };
const AMR: Format = { mimeType: 'audio/amr', extension: 'amr', test: (b) => ascii(b, '#!AMR') };
const MP3: Format = {
	mimeType: 'audio/mpeg',
	extension: 'mp3',
	test: (b) => ascii(b, 'ID3') || (b[0] === 0xff && (b[1] & 0xe6) === 0xe2),
};
const MP4: Format = {
	mimeType: 'video/mp4',
	extension: 'mp4',
	test: (b) => ascii(b, 'ftyp', 4) && !/^(M4[ABP] |qt {2})$/.test(b.subarray(8, 12).toString('latin1')),
};

/** What each type accepts and its size limit (WeChat's temporary-media rules). */
export const MEDIA_LIMITS: Record<SandboxMediaType, { formats: Format[]; maxBytes: number }> = {
	image: { formats: [JPEG, PNG, GIF], maxBytes: 10 * MB },
	voice: { formats: [AMR, MP3], maxBytes: 2 * MB },
	video: { formats: [MP4], maxBytes: 10 * MB },
	thumb: { formats: [JPEG], maxBytes: 64 * 1024 },
};

export interface StoredMedia {
	media_id: string;
	type: SandboxMediaType;
	bytes: Buffer;
	mimeType: string;
	extension: string;
	/** The multipart file name of the upload, or the name a customer's file had. */
	fileName: string;
	created_at: number;
	/** `upload` through the API, or `customer` (a file a customer sent to the Official Account). */
	source: 'upload' | 'customer';
}

export function isSandboxMediaType(value: unknown): value is SandboxMediaType {
	return typeof value === 'string' && value in MEDIA_LIMITS;
}

/** A media_id shaped like WeChat's: 64 characters of URL-safe base64. */
function newMediaId(): string {
	return randomBytes(48).toString('base64url');
}

export class MediaStore {
	readonly items = new Map<string, StoredMedia>();

	/**
	 * Checks a file as media/upload does — 41005 nothing sent, 40005 wrong content, 40006 too
	 * big — and stores a copy of its bytes.
	 */
	add(
		type: SandboxMediaType,
		bytes: Buffer,
		now: number,
		fileName = '',
		source: StoredMedia['source'] = 'upload',
	): StoredMedia {
		if (bytes.length === 0) throw wxError(41005, 'media data missing');
		const limits = MEDIA_LIMITS[type];
		const format = limits.formats.find((f) => f.test(bytes));
		if (!format) throw wxError(40005, 'invalid file type');
		if (bytes.length > limits.maxBytes) throw wxError(40006, 'invalid meida size');
		const media: StoredMedia = {
			media_id: newMediaId(),
			type,
			bytes: Buffer.from(bytes),
			mimeType: format.mimeType,
			extension: format.extension,
			fileName: fileName || `media.${format.extension}`,
			created_at: now,
			source,
		};
		this.items.set(media.media_id, media);
		return media;
	}

	/** The media behind an id that is still within its 3 days, or 40007 (unknown or expired). */
	get(mediaId: string, now: number): StoredMedia {
		const media = this.items.get(mediaId);
		if (!media || now - media.created_at >= MEDIA_LIFETIME_SECONDS) throw wxError(40007, 'invalid media_id');
		return media;
	}
}

/** A small file of each type, as a customer might send it (valid by the checks above). */
export function customerFile(type: SandboxMediaType): Buffer {
	switch (type) {
		case 'voice':
			// AMR-NB: the magic line, then 50 frames of 12.2 kbit/s (1 s).
			return Buffer.concat([Buffer.from('#!AMR\n', 'latin1'), ...Array.from({ length: 50 }, () => Buffer.concat([Buffer.from([0x3c]), Buffer.alloc(31)]))]);
		case 'video':
			// An ftyp box (isom, compatible isom/iso2/avc1/mp41), then filler.
			return Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom\0\0\x02\0isomiso2avc1mp41', 'latin1'), Buffer.alloc(2000, 0x20)]);
		default:
			return Buffer.concat([Buffer.from('FFD8FFE000104A46494600010100000100010000', 'hex'), Buffer.alloc(2000, 0x41), Buffer.from('FFD9', 'hex')]);
	}
}
