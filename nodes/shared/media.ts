// Temporary media as both families handle it: checked by the file's bytes (never its name) before
// an upload, and a download described by its headers. Knows nothing of n8n.
import { WeChatInputError } from './errors';
import { WeChatTransportError } from './transport/errors';
import { describeContent, fileTypeByMime, fileTypeInfo, mimeTypeOf, sniffFileType, type FileKind, type FileTypeInfo } from './fileTypes';
import type { DownloadAnswer } from './client/WeChatClient';
import type { ByteStream } from './transport/http';

/** What an API accepts for one media type. */
export interface MediaRule {
	/** What the file is called in messages, e.g. "an image". */
	noun: string;
	/** The contents accepted; 'any' when the type takes any file (WeCom's `file`). */
	kinds: readonly FileKind[] | 'any';
	/** Fewer bytes are refused (WeCom wants more than 5). */
	minBytes: number;
	maxBytes: number;
	/** The limit as the API states it, e.g. "10 MB". */
	limit: string;
}

function accepted(kinds: readonly FileKind[]): string {
	const names = kinds.map((k) => fileTypeInfo(k).label);
	return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Checks a file for `type` by its content and size, as `service` will; returns what it is
 * (undefined for an unknown content a rule of 'any' accepts). `field` is the binary property the user named.
 */
export function checkMediaFile(
	service: string,
	type: string,
	rule: MediaRule,
	buf: Buffer,
	field: string,
	fileName?: string,
): FileTypeInfo | undefined {
	const named = fileName ? ` "${fileName}"` : '';
	if (buf.length === 0) throw new WeChatInputError(field, `holds an empty file${named}`);
	const found = sniffFileType(buf);
	if (rule.kinds !== 'any' && (!found || !rule.kinds.includes(found.kind))) {
		throw new WeChatInputError(
			field,
			`is not ${rule.noun} ${service} accepts: the file${named} ${describeContent(buf)}; ${type} media must be ${accepted(rule.kinds)}`,
		);
	}
	if (buf.length < rule.minBytes) {
		throw new WeChatInputError(field, `is ${buf.length} bytes${named}; ${service} accepts ${type} media of at least ${rule.minBytes} bytes`);
	}
	if (buf.length > rule.maxBytes) {
		throw new WeChatInputError(
			field,
			`is ${buf.length} bytes${named}; ${service} accepts ${type} media of at most ${rule.limit} (${rule.maxBytes} bytes)`,
		);
	}
	return found;
}

/** `filename` of a Content-Disposition header (`filename*=UTF-8''…` preferred, percent-encoding undone), without any path. */
export function dispositionFileName(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(header)?.[1];
	const plain = /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
	const raw = (extended ?? plain)?.trim();
	if (!raw) return undefined;
	let name = raw;
	try {
		name = decodeURIComponent(raw);
	} catch {
		// A literal % in a plain name: keep it as sent.
	}
	return name.split(/[/\\]/).pop()?.trim() || undefined;
}

export interface DownloadedMedia {
	/** The file's bytes, streamed: hand it to the binary store without reading it into memory. */
	stream: ByteStream;
	fileName: string;
	mimeType: string;
}

function headerOf(file: DownloadAnswer, name: string): string | undefined {
	const value = file.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * A downloaded file's name and type: the name from Content-Disposition, else `fallbackBase` with
 * the extension of what the first bytes are; the declared Content-Type unless it says nothing.
 * `where` names the call in an error (a JSON Content-Type with a body that is not JSON).
 */
export function describeDownload(file: DownloadAnswer & { stream: ByteStream }, where: string, fallbackBase: string): DownloadedMedia {
	const mime = mimeTypeOf(headerOf(file, 'content-type'));
	const declared = mime && mime !== 'application/octet-stream' ? mime : undefined;
	if (declared?.includes('json')) {
		file.stream.destroy();
		throw new WeChatTransportError('invalidJson', where, `${where} answered with a Content-Type of JSON but a body that is not JSON`);
	}
	const sniffed = sniffFileType(file.head);
	const mimeType = declared ?? sniffed?.mimeType ?? 'application/octet-stream';
	const extension = sniffed?.extension ?? fileTypeByMime(mimeType)?.extension ?? 'bin';
	const fileName = dispositionFileName(headerOf(file, 'content-disposition')) ?? `${fallbackBase}.${extension}`;
	return { stream: file.stream, fileName, mimeType };
}
