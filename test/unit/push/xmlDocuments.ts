// Seeded generator of push-like XML documents for the differential test of the XML reader:
// WeChat-shaped pushes written in every way XML allows, pieces outside the subset the trigger
// reads (DOCTYPE, processing instructions, other versions and encodings), and mutations of
// all of them (cut, spliced, bytes changed). The same seed always gives the same documents.
import { mulberry32 } from '../../../sandbox/records';

type Random = () => number;

const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, list: readonly T[]): T => list[int(r, list.length)];
const chance = (r: Random, p: number) => r() < p;

const WECHAT_NAMES = [
	'ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'Content', 'MsgId', 'Event', 'EventKey', 'PicUrl',
	'MediaId', 'Format', 'Recognition', 'ThumbMediaId', 'Location_X', 'Location_Y', 'Scale', 'Label', 'Title',
	'Description', 'Url', 'Ticket', 'Latitude', 'Longitude', 'Precision', 'KfAccount', 'CloseType', 'Encrypt',
];
// Names that are Object.prototype members, and names that are odd but valid XML names.
const TRICKY_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype', 'toJSON', 'isPrototypeOf'];
const ODD_NAMES = ['a:b', '_x', 'x-y.z', 'ns:__proto__', '名字', 'ÀÖ', 'a·b', 'x\u0301', 'e\u{10000}', '𐀀', 'A1', 'xmlFoo'];
const BAD_NAMES = ['1a', '-a', '.a', 'a b', 'a&b', 'a"b', '\u00D7', '\u037E', 'a\u2000', '\u00B7a', 'a<b', ''];

// Pieces of character data, raw (not yet escaped): what WeChat sends and what could break a reader.
const TEXT_PIECES = [
	'hello', '你好，我要转人工客服', '7460012345678901234', '1767225600', 'text', 'event', 'gh_3f9c2a7e5b1d',
	'oN8nKfUserA1b2C3d4E5f6G7h8i9', '30.195360', ' ', '  ', '\t', '\n', '\r\n', '\r', ']', ']]', '>', ']]>', '-', '--',
	'😀', '\u{10FFFF}', '\uFEFF', '\u00A0', '\u2028', '\u0085', 'a\u0301', '"', "'", '?', '!', '/', '=', ';', '#',
	'\uE000', '\uFFFD', 'x'.repeat(40),
];
const REFERENCES = [
	'&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#20320;', '&#x4F60;', '&#x4f60;', '&#65;', '&#x41;', '&#0065;',
	'&#x1F600;', '&#128512;', '&#9;', '&#10;', '&#13;', '&#xD;', '&#x10FFFF;', '&#xE000;', '&#xFFFD;', '&#32;',
];
const BAD_REFERENCES = [
	'&x;', '&AMP;', '&amp', '&#;', '&#x;', '&#X41;', '&#0;', '&#x0;', '&#8;', '&#xB;', '&#xD800;', '&#xDFFF;', '&#xFFFE;',
	'&#xFFFF;', '&#x110000;', '&#99999999999999999999;', '& ;', '&#-1;', '&#1a;', '&#xG;', '&nbsp;', '&__proto__;',
	'&constructor;', '&a b;', '&;', '&&', '&#x 41;',
];
const CONTROL_CHARS = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF'];

function escapeText(r: Random, raw: string): string {
	let out = '';
	for (const ch of raw) {
		if (ch === '<') out += '&lt;';
		else if (ch === '&') out += '&amp;';
		else if (ch === '>' && chance(r, 0.5)) out += '&gt;';
		else if (ch === '\r' && chance(r, 0.3)) out += '&#13;';
		else out += ch;
	}
	// "]]>" cannot stay as written in text.
	return out.split(']]>').join(']]&gt;');
}

/** CDATA sections for a text, split where "]]>" occurs and sometimes elsewhere too. */
function cdata(r: Random, raw: string): string {
	let out = '';
	let section = '';
	for (let i = 0; i < raw.length; i++) {
		if (raw.startsWith(']]>', i)) {
			out += `<![CDATA[${section}]]]]>`;
			section = '>';
			i += 2;
		} else {
			if (section.length > 0 && chance(r, 0.05)) {
				out += `<![CDATA[${section}]]>`;
				section = '';
			}
			section += raw[i];
		}
	}
	return `${out}<![CDATA[${section}]]>`;
}

function rawText(r: Random): string {
	let s = '';
	const n = int(r, 4);
	for (let i = 0; i < n; i++) s += pick(r, TEXT_PIECES);
	return s;
}

/** One element's text written as text, CDATA, references, comments between pieces… */
function writeText(r: Random): string {
	let out = '';
	const pieces = 1 + int(r, 3);
	for (let i = 0; i < pieces; i++) {
		const kind = int(r, 10);
		if (kind < 4) out += escapeText(r, rawText(r));
		else if (kind < 7) out += cdata(r, rawText(r));
		else if (kind < 9) out += pick(r, REFERENCES);
		else out += `<!--${pick(r, ['', ' c ', '-x', 'a-b', ' <A>&x; '])}-->`;
	}
	return out;
}

const SPACES = ['', '', '', ' ', '\n', '\r\n', '\n  ', '\t', '\r'];

function attributes(r: Random): string {
	if (!chance(r, 0.15)) return '';
	let out = '';
	const n = 1 + int(r, 3);
	for (let i = 0; i < n; i++) {
		const q = pick(r, ['"', "'"]);
		const value = chance(r, 0.9)
			? pick(r, ['1', '', 'a b', 'x&amp;y', '&#65;', "it's", '>', ']]>', '\n\t', '名'])
			: pick(r, ['a<b', '&x;', '&#0;', '&amp', 'a&b']);
		out += `${chance(r, 0.95) ? pick(r, [' ', '\n', ' \t']) : ''}${pick(r, ['id', 'type', 'a:b', '_x', 'constructor', '__proto__'])}${pick(r, ['=', ' = '])}${q}${
			q === "'" ? value.replace(/'/g, '&apos;') : value
		}${q}`;
	}
	return out;
}

function element(r: Random, depth: number, names: readonly string[]): string {
	const name = pick(r, names);
	const indent = pick(r, SPACES);
	const attrs = attributes(r);
	const close = `</${name}${chance(r, 0.05) ? pick(r, [' ', '\n', '\t ']) : ''}>`;
	if (chance(r, 0.08)) return `${indent}<${name}${attrs}${pick(r, ['/>', ' />'])}`;
	if (depth < 4 && chance(r, 0.15)) {
		let inner = '';
		const n = 1 + int(r, 4);
		const childNames = chance(r, 0.5) ? ['item'] : names;
		for (let i = 0; i < n; i++) inner += element(r, depth + 1, childNames);
		if (chance(r, 0.1)) inner += escapeText(r, rawText(r));
		return `${indent}<${name}${attrs}>${inner}${pick(r, SPACES)}${close}`;
	}
	return `${indent}<${name}${attrs}>${writeText(r)}${close}`;
}

function prolog(r: Random): string {
	const kind = int(r, 20);
	const decl = [
		'<?xml version="1.0"?>',
		'<?xml version="1.0" encoding="UTF-8"?>',
		"<?xml version='1.0' encoding='utf-8' standalone='yes'?>",
		'<?xml version = "1.0"\n encoding="UTF-8" ?>',
		'<?xml version="1.0" standalone="no"?>',
	];
	if (kind < 8) return '';
	if (kind < 13) return pick(r, decl) + pick(r, SPACES);
	if (kind < 15) return `<!--${pick(r, ['', ' pushed by WeChat '])}-->${pick(r, SPACES)}`;
	return pick(r, [
		'<?xml version="1.1"?>',
		'<?xml version="1.0" encoding="GBK"?>',
		'<?xml version="1.0" encoding="ISO-8859-1"?>',
		'<?xml version="2.0"?>',
		'<?xml version="1.0" standalone="maybe"?>',
		'<?xml version="1.0"encoding="UTF-8"?>',
		'<?xml encoding="UTF-8"?>',
		'<?xml?>',
		'<?XML version="1.0"?>',
		' <?xml version="1.0"?>',
		'<?xml-stylesheet href="a"?>',
		'<?pi data?>',
		'<!DOCTYPE xml>',
		'<!DOCTYPE xml [<!ENTITY x "y">]>',
		'<!DOCTYPE xml SYSTEM "file:///etc/passwd">',
		'<!doctype xml>',
		'\uFEFF',
		'\uFEFF<?xml version="1.0"?>',
		'text',
		'<![CDATA[x]]>',
		'&amp;',
		'<!-- a -- b -->',
		'<!--->',
	]);
}

function epilog(r: Random): string {
	const kind = int(r, 10);
	if (kind < 6) return '';
	if (kind < 8) return pick(r, ['\n', '\r\n', ' \n\t', '\n\n']);
	return pick(r, ['<!-- after -->', '<?pi?>', 'x', '<xml/>', '<A/>', '&amp;', '<![CDATA[]]>', '\u00A0', '</xml>', '\n<!---->\n']);
}

/** A WeChat-like push, well-formed unless the prolog or epilog says otherwise. */
export function pushDocument(r: Random): string {
	const names = chance(r, 0.5) ? [...WECHAT_NAMES, ...TRICKY_NAMES] : chance(r, 0.1) ? [...WECHAT_NAMES, ...ODD_NAMES] : WECHAT_NAMES;
	let body = '';
	const n = int(r, 9);
	for (let i = 0; i < n; i++) body += element(r, 1, names);
	if (chance(r, 0.05)) body += escapeText(r, rawText(r));
	const root = n === 0 && chance(r, 0.3) ? `<xml${attributes(r)}/>` : `<xml${attributes(r)}>${body}${pick(r, SPACES)}</xml>`;
	return `${prolog(r)}${root}${epilog(r)}`;
}

const INSERTS = [
	'<', '>', '&', ']', ']]>', '-', '--', '?', '!', '/', '"', "'", ';', ' ', '=', '<!--', '-->', '<![CDATA[', '<?x?>',
	'<!DOCTYPE x>', '</A>', '<A>', '<A/>', '</xml>', '<xml>', ...BAD_REFERENCES, ...REFERENCES, ...CONTROL_CHARS, ...BAD_NAMES,
	'\r', '\uFEFF', '😀',
];

/** A text-level mutation: insert, delete, duplicate or cut. */
export function mutateText(r: Random, doc: string): string {
	const at = int(r, doc.length + 1);
	switch (int(r, 6)) {
		case 0:
			return doc.slice(0, at) + pick(r, INSERTS) + doc.slice(at);
		case 1:
			return doc.slice(0, at) + doc.slice(at + 1 + int(r, 4));
		case 2: {
			const len = 1 + int(r, 12);
			return doc.slice(0, at) + doc.slice(at, at + len) + doc.slice(at);
		}
		case 3:
			return doc.slice(0, at);
		case 4: {
			// Swap a tag name for another, valid or not.
			return doc.replace(/<(\/?)([A-Za-z_]\w*)/, (_m, slash: string) => `<${slash}${pick(r, [...TRICKY_NAMES, ...BAD_NAMES, ...ODD_NAMES])}`);
		}
		default:
			return doc.slice(0, at) + pick(r, BAD_REFERENCES) + doc.slice(at);
	}
}

const BYTE_INSERTS = [
	[0xff], [0xfe], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xbd], [0x80], [0xef, 0xbb, 0xbf],
	[0xc4, 0xe3], [0x00], [0xef, 0xbf, 0xbe], [0xf0, 0x9f, 0x98, 0x80],
];

/** A byte-level mutation: a byte changed, an invalid or odd UTF-8 sequence, a BOM, UTF-16. */
export function mutateBytes(r: Random, bytes: Buffer): Buffer {
	const at = int(r, bytes.length + 1);
	switch (int(r, 5)) {
		case 0: {
			const copy = Buffer.from(bytes);
			if (copy.length > 0) copy[Math.min(at, copy.length - 1)] = int(r, 256);
			return copy;
		}
		case 1:
			return Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(r, BYTE_INSERTS)), bytes.subarray(at)]);
		case 2:
			return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
		case 3:
			return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);
		default: {
			const copy = Buffer.from(bytes);
			if (copy.length > 0) copy[Math.min(at, copy.length - 1)] ^= 1 << int(r, 8);
			return copy;
		}
	}
}

/** Nesting and element counts around the reader's limits. */
export function limitDocument(r: Random): string {
	if (chance(r, 0.5)) {
		const depth = 14 + int(r, 5);
		return `<xml>${'<a>'.repeat(depth - 1)}x${'</a>'.repeat(depth - 1)}</xml>`;
	}
	const count = 4990 + int(r, 20);
	return `<xml>${'<a/>'.repeat(count - 1)}</xml>`;
}

/** The n-th document of a seeded run: mostly pushes, a third of them mutated once or more. */
export function* documents(seed: number, count: number): Generator<Buffer> {
	const r = mulberry32(seed);
	for (let i = 0; i < count; i++) {
		if (i % 2000 === 1999) {
			yield Buffer.from(limitDocument(r));
			continue;
		}
		let doc = pushDocument(r);
		const mutations = chance(r, 0.35) ? 1 + int(r, 3) : 0;
		for (let m = 0; m < mutations; m++) doc = mutateText(r, doc);
		let bytes: Buffer = Buffer.from(doc, 'utf8');
		if (chance(r, 0.05)) bytes = mutateBytes(r, bytes);
		yield bytes;
	}
}
