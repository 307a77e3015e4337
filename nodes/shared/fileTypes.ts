// What a file is, by its first bytes (never by its name or declared MIME type): WeChat checks
// content, so the node does too before uploading anything.

export type FileKind =
	| 'jpeg'
	| 'png'
	| 'gif'
	| 'amr'
	| 'mp3'
	| 'mp4'
	| 'm4a'
	| 'mov'
	| 'webp'
	| 'bmp'
	| 'pdf'
	| 'wav'
	| 'avi'
	| 'ogg'
	| 'flac'
	| 'silk'
	| 'webm'
	| 'tiff';

export interface FileTypeInfo {
	kind: FileKind;
	/** How people call it, e.g. "JPEG", "MP4". */
	label: string;
	mimeType: string;
	extension: string;
}

const INFO: Record<FileKind, Omit<FileTypeInfo, 'kind'>> = {
	jpeg: { label: 'JPEG', mimeType: 'image/jpeg', extension: 'jpg' },
	png: { label: 'PNG', mimeType: 'image/png', extension: 'png' },
	gif: { label: 'GIF', mimeType: 'image/gif', extension: 'gif' },
	amr: { label: 'AMR', mimeType: 'audio/amr', extension: 'amr' },
	mp3: { label: 'MP3', mimeType: 'audio/mpeg', extension: 'mp3' },
	mp4: { label: 'MP4', mimeType: 'video/mp4', extension: 'mp4' },
	m4a: { label: 'M4A audio', mimeType: 'audio/mp4', extension: 'm4a' },
	mov: { label: 'QuickTime MOV', mimeType: 'video/quicktime', extension: 'mov' },
	webp: { label: 'WebP', mimeType: 'image/webp', extension: 'webp' },
	bmp: { label: 'BMP', mimeType: 'image/bmp', extension: 'bmp' },
	pdf: { label: 'PDF', mimeType: 'application/pdf', extension: 'pdf' },
	wav: { label: 'WAV', mimeType: 'audio/wav', extension: 'wav' },
	avi: { label: 'AVI', mimeType: 'video/x-msvideo', extension: 'avi' },
	ogg: { label: 'Ogg', mimeType: 'audio/ogg', extension: 'ogg' },
	flac: { label: 'FLAC', mimeType: 'audio/flac', extension: 'flac' },
	silk: { label: 'SILK', mimeType: 'audio/silk', extension: 'silk' },
	webm: { label: 'WebM/Matroska', mimeType: 'video/webm', extension: 'webm' },
	tiff: { label: 'TIFF', mimeType: 'image/tiff', extension: 'tif' },
};

function startsWith(buf: Buffer, bytes: number[] | string, at = 0): boolean {
	const want = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
	return buf.length >= at + want.length && buf.subarray(at, at + want.length).equals(want);
}

/** An MPEG audio frame header of layer III (sync 11 bits, a real version, layer bits 01). */
function isMp3Frame(buf: Buffer): boolean {
	if (buf.length < 2 || buf[0] !== 0xff || (buf[1] & 0xe0) !== 0xe0) return false;
	const version = (buf[1] >> 3) & 3;
	const layer = (buf[1] >> 1) & 3;
	return version !== 1 && layer === 1;
}

/** ISO base media (`ftyp` box at offset 4): the major brand tells MP4 video from M4A and MOV. */
function isoKind(buf: Buffer): FileKind | undefined {
	if (!startsWith(buf, 'ftyp', 4)) return undefined;
	const brand = buf.subarray(8, 12).toString('latin1');
	if (/^M4[ABP] $/.test(brand)) return 'm4a';
	if (brand === 'qt  ') return 'mov';
	return 'mp4';
}

function detectKind(buf: Buffer): FileKind | undefined {
	if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (startsWith(buf, 'GIF87a') || startsWith(buf, 'GIF89a')) return 'gif';
	if (startsWith(buf, '#!AMR')) return 'amr';
	if (startsWith(buf, '#!SILK') || startsWith(buf, '\x02#!SILK')) return 'silk';
	if (startsWith(buf, 'ID3') || isMp3Frame(buf)) return 'mp3';
	const iso = isoKind(buf);
	if (iso) return iso;
	if (startsWith(buf, 'RIFF') && buf.length >= 12) {
		const form = buf.subarray(8, 12).toString('latin1');
		if (form === 'WEBP') return 'webp';
		if (form === 'WAVE') return 'wav';
		if (form === 'AVI ') return 'avi';
	}
	if (startsWith(buf, 'BM')) return 'bmp';
	if (startsWith(buf, '%PDF')) return 'pdf';
	if (startsWith(buf, 'OggS')) return 'ogg';
	if (startsWith(buf, 'fLaC')) return 'flac';
	if (startsWith(buf, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
	if (startsWith(buf, 'II*\0') || startsWith(buf, 'MM\0*')) return 'tiff';
	return undefined;
}

/** The file's type by its magic bytes, or undefined when none of the known ones. */
export function sniffFileType(buf: Buffer): FileTypeInfo | undefined {
	const kind = detectKind(buf);
	return kind ? { kind, ...INFO[kind] } : undefined;
}

export function fileTypeInfo(kind: FileKind): FileTypeInfo {
	return { kind, ...INFO[kind] };
}

/** The first bytes as hex, e.g. "89 50 4E 47", for messages about a wrong file. */
function hexHead(buf: Buffer, count = 4): string {
	return [...buf.subarray(0, count)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** "starts with 89 50 4E 47 (PNG)": what a refused file is, in words. */
export function describeContent(buf: Buffer): string {
	const found = sniffFileType(buf);
	return `starts with ${hexHead(buf)}${found ? ` (${found.label})` : ''}`;
}

export function isJpeg(buf: Buffer): boolean {
	return detectKind(buf) === 'jpeg';
}

/** The MIME type of a Content-Type header, lower case, without parameters; '' when absent. */
export function mimeTypeOf(contentType: string | undefined): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The known type with this MIME type (parameters ignored; image/jpg counts as JPEG). */
export function fileTypeByMime(contentType: string | undefined): FileTypeInfo | undefined {
	const mime = mimeTypeOf(contentType);
	if (mime === 'image/jpg' || mime === 'image/pjpeg') return fileTypeInfo('jpeg');
	const kind = (Object.keys(INFO) as FileKind[]).find((k) => INFO[k].mimeType === mime);
	return kind ? fileTypeInfo(kind) : undefined;
}

/** A file name for an upload: the given one when its extension fits the content, else with it replaced. */
export function fileNameFor(info: FileTypeInfo, given: string | undefined, fallbackBase: string): string {
	const extensions = info.kind === 'jpeg' ? ['jpg', 'jpeg'] : [info.extension];
	const ext = /\.([^./\\]+)$/.exec(given ?? '')?.[1]?.toLowerCase();
	if (given && ext && extensions.includes(ext)) return given;
	const base = given ? given.replace(/\.[^./\\]*$/, '') || fallbackBase : fallbackBase;
	return `${base}.${info.extension}`;
}
