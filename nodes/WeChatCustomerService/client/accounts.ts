// Rules and request shapes for kf accounts (add, update, del, inviteworker) and their avatars.
// Pure functions: they throw WeChatInputError (field + problem) before anything is sent.
import { createHash } from 'node:crypto';

import { WeChatInputError } from '../../shared/errors';
import { describeContent, fileNameFor, fileTypeByMime, fileTypeInfo, isJpeg, mimeTypeOf } from '../../shared/fileTypes';
import { fileMultipart, type MultipartBody } from '../../shared/multipart';

export const ACCOUNT_PREFIX_MAX = 10;
export const ACCOUNT_SUFFIX_MAX = 30;
const NICKNAME_MAX = 16;
/** WeChat's documentation: the avatar "file size within 5M". */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

const PREFIX_RE = /^[A-Za-z0-9_]+$/;

const segmenter =
	typeof Intl !== 'undefined' && 'Segmenter' in Intl
		? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
		: undefined;

/** Characters as a person counts them: a CJK character or an emoji (even a ZWJ sequence) is one. */
function countCharacters(text: string): number {
	return segmenter ? Array.from(segmenter.segment(text)).length : Array.from(text).length;
}

/** `prefix@OfficialAccountWeChatID`: prefix ≤10 letters, digits or underscores; suffix present, ≤30. */
export function validateKfAccount(value: string, field = 'kfAccount'): string {
	const at = value.indexOf('@');
	if (at === -1 || at !== value.lastIndexOf('@')) {
		throw new WeChatInputError(
			field,
			`must be the full account "prefix@OfficialAccountWeChatID" with exactly one "@", got "${value}"`,
		);
	}
	const prefix = value.slice(0, at);
	const suffix = value.slice(at + 1);
	if (!prefix) throw new WeChatInputError(field, `has no prefix before the "@" in "${value}"`);
	if (prefix.length > ACCOUNT_PREFIX_MAX) {
		throw new WeChatInputError(
			field,
			`prefix "${prefix}" is ${prefix.length} characters; WeChat allows at most ${ACCOUNT_PREFIX_MAX}`,
		);
	}
	if (!PREFIX_RE.test(prefix)) {
		throw new WeChatInputError(
			field,
			`prefix "${prefix}" may contain only letters, digits and underscores`,
		);
	}
	if (!suffix) {
		throw new WeChatInputError(
			field,
			`has no Official Account WeChat ID after the "@" in "${value}"`,
		);
	}
	if (suffix.length > ACCOUNT_SUFFIX_MAX || /\s/.test(suffix)) {
		throw new WeChatInputError(
			field,
			`suffix "${suffix}" is not an Official Account WeChat ID (at most ${ACCOUNT_SUFFIX_MAX} characters, no spaces)`,
		);
	}
	return value;
}

const OPENID_RE = /^[A-Za-z0-9_-]+$/;

/** A customer's openid as WeChat issues them: letters, digits, `_` and `-`, nothing else. */
export function validateOpenid(value: string, field = 'openid'): string {
	if (!OPENID_RE.test(value)) {
		throw new WeChatInputError(field, `must be an openid (letters, digits, "_" and "-" only), got "${value}"`);
	}
	return value;
}

/** The part before `@`, used for file names. */
export function accountPrefix(kfAccount: string): string {
	return kfAccount.slice(0, kfAccount.indexOf('@'));
}

export function validateNickname(value: string, field = 'nickname'): string {
	const length = countCharacters(value);
	if (length > NICKNAME_MAX) {
		throw new WeChatInputError(
			field,
			`is ${length} characters; WeChat allows at most ${NICKNAME_MAX} (a Chinese character or an emoji counts as one)`,
		);
	}
	return value;
}

/**
 * The legacy `password` field: as the Go mp/dkf package's isPwdPlain, a plain password is sent as its MD5 hex;
 * otherwise it must already be an MD5 hex digest.
 */
export function legacyPassword(password: string, isPlain: boolean, field = 'password'): string {
	if (isPlain) return createHash('md5').update(password, 'utf8').digest('hex');
	if (!/^[0-9a-fA-F]{32}$/.test(password)) {
		throw new WeChatInputError(
			field,
			'must be a 32-character MD5 hex digest when "Password Is Plain" is off',
		);
	}
	return password.toLowerCase();
}

export interface AccountBody {
	kf_account: string;
	nickname?: string;
	password?: string;
	[key: string]: unknown;
}

/** WeChat wants a JPEG of at most 5 MB; say what the file is when it is not. */
export function validateAvatar(buf: Buffer, field: string, fileName?: string): void {
	const named = fileName ? ` "${fileName}"` : '';
	if (buf.length === 0) throw new WeChatInputError(field, `holds an empty file${named}`);
	if (!isJpeg(buf)) {
		throw new WeChatInputError(
			field,
			`is not a JPEG image: the file${named} ${describeContent(buf)}, not FF D8 FF. WeChat accepts only JPEG avatars`,
		);
	}
	if (buf.length > AVATAR_MAX_BYTES) {
		throw new WeChatInputError(
			field,
			`is ${buf.length} bytes${named}; WeChat accepts avatars of at most 5 MB (${AVATAR_MAX_BYTES} bytes)`,
		);
	}
}

/** The multipart body of uploadheadimg: one file part named `media`, kept as a buffer for resends. */
export async function avatarMultipart(image: Buffer, fileName: string): Promise<MultipartBody> {
	return await fileMultipart(image, fileName, 'image/jpeg');
}

/** A `.jpg` file name for the upload: the given one when it already says JPEG, else `<prefix>.jpg`. */
export function avatarFileName(kfAccount: string, given?: string): string {
	return fileNameFor(fileTypeInfo('jpeg'), given, accountPrefix(kfAccount));
}

/** Mime type of a downloaded avatar (without parameters) and a matching extension. */
export function avatarMime(contentType: string | undefined): { mimeType: string; extension: string } {
	const mimeType = mimeTypeOf(contentType) || 'image/jpeg';
	return { mimeType, extension: fileTypeByMime(mimeType)?.extension ?? 'jpg' };
}
