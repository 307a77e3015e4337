import { PushRejected } from './errors';

/** An element: its text, or its child elements by name (a repeated name gives an array). */
export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
	[name: string]: XmlValue;
}

// WeChat's pushes are a flat <xml> with at most a few nested blocks (TransInfo, SendPicsInfo…).
const MAX_DEPTH = 16;
const MAX_ELEMENTS = 5000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

// XML 1.0 (fifth edition) names; without namespaces a colon is an ordinary name character.
const NAME_START = String.raw`:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}\u200C-\u200D`;
const NAME = new RegExp(String.raw`[${NAME_START}][\u0300-\u036F${NAME_START}\-.0-9\u00B7\u203F\u2040]*`, 'uy');
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/y;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const S = '[ \\t\\r\\n]';
const DECLARATION = new RegExp(
	`^<\\?xml${S}+version${S}*=${S}*(?:"([^"]*)"|'([^']*)')` +
		`(?:${S}+encoding${S}*=${S}*(?:"([A-Za-z][\\w.-]*)"|'([A-Za-z][\\w.-]*)'))?` +
		`(?:${S}+standalone${S}*=${S}*(?:"(?:yes|no)"|'(?:yes|no)'))?${S}*\\?>`,
);

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

function isSpace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function isXmlChar(c: number): boolean {
	return (
		(c >= 0x20 && c <= 0xd7ff) ||
		c === 0x0a ||
		c === 0x0d ||
		c === 0x09 ||
		(c >= 0xe000 && c <= 0xfffd) ||
		(c >= 0x10000 && c <= 0x10ffff)
	);
}

/** XML reads a CR LF pair or a lone CR as LF (not a CR from a character reference). */
function newlines(raw: string): string {
	return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

/** A name or reference from the document as a refusal shows it: at most 40 characters. */
function shown(text: string): string {
	// 82 UTF-16 units hold 41 characters even if all are outside the BMP.
	const characters = [...text.slice(0, 82)];
	return characters.length > 40 ? `${characters.slice(0, 39).join('')}…` : text;
}

function refuse(reason: string): never {
	throw new PushRejected(400, `The XML was refused: ${reason}`);
}

interface Frame {
	name: string;
	text: string;
	children?: XmlObject;
}

/**
 * Adds a child as an own data property whatever its name: a name Object.prototype has is defined,
 * not assigned (assigning `__proto__` would set the prototype; `constructor` must not read the
 * inherited function as an earlier value).
 */
function add(parent: XmlObject, name: string, value: XmlValue): void {
	if (!Object.prototype.hasOwnProperty.call(parent, name)) {
		if (name in Object.prototype) {
			Object.defineProperty(parent, name, { value, writable: true, enumerable: true, configurable: true });
		} else parent[name] = value;
		return;
	}
	const existing = parent[name];
	if (Array.isArray(existing)) existing.push(value);
	else parent[name] = [existing, value];
}

/**
 * A strict reader of the XML WeChat pushes, a subset of XML 1.0 that refuses rather than guesses:
 * elements, attributes (checked, then ignored), text, CDATA, comments, the five predefined entities
 * and character references. Refused: a DOCTYPE (so no entity but those), processing instructions,
 * an XML declaration other than version 1.0 in UTF-8, and anything but whitespace after the root.
 */
class WeChatXmlReader {
	private i = 0;
	private elements = 0;

	constructor(private readonly s: string) {}

	read(): XmlObject {
		const bad = NOT_XML_CHAR.exec(this.s);
		if (bad) {
			this.i = bad.index;
			this.fail(`the character U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`);
		}
		this.declaration();
		this.prolog();
		const root = this.root();
		while (isSpace(this.s.charCodeAt(this.i))) this.i++;
		if (this.i < this.s.length) this.fail('only whitespace may follow </xml>');
		return root;
	}

	/** Where the reader stopped, for the error message. */
	private fail(reason: string): never {
		const before = this.s.slice(0, this.i);
		const line = before.split('\n').length;
		const column = this.i - before.lastIndexOf('\n');
		refuse(`${reason} (line ${line}, column ${column})`);
	}

	private declaration(): void {
		const s = this.s;
		if (!s.startsWith('<?xml') || !(isSpace(s.charCodeAt(5)) || s.charCodeAt(5) === QUESTION)) return;
		const m = DECLARATION.exec(s);
		if (!m) this.fail('a malformed XML declaration');
		const version = m[1] ?? m[2];
		if (version !== '1.0') refuse(`the XML declaration says version "${shown(version)}"; only 1.0 is read`);
		const encoding = m[3] ?? m[4];
		if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') {
			refuse(`the XML declaration says encoding "${shown(encoding)}"; only UTF-8 is read`);
		}
		this.i = m[0].length;
	}

	/** Whitespace and comments before the root. */
	private prolog(): void {
		const s = this.s;
		for (;;) {
			while (isSpace(s.charCodeAt(this.i))) this.i++;
			if (this.i >= s.length) refuse('no <xml> element');
			if (s.charCodeAt(this.i) !== LT) this.fail('text outside the <xml> element');
			if (s.startsWith('<!DOCTYPE', this.i)) refuse('a DOCTYPE is not allowed');
			if (s.startsWith('<?', this.i)) this.fail('a processing instruction is not allowed');
			if (!s.startsWith('<!--', this.i)) return;
			this.comment();
		}
	}

	/** From the root's start tag to its end tag, one tag, comment, CDATA section or text at a time. */
	private root(): XmlObject {
		const s = this.s;
		const stack: Frame[] = [];
		for (;;) {
			const top: Frame | undefined = stack[stack.length - 1];
			const next = s.charCodeAt(this.i + 1);
			if (top && next === SLASH) {
				this.closeTag(top.name);
				stack.pop();
				const value = top.children ?? top.text;
				const parent = stack[stack.length - 1];
				if (!parent) return typeof value === 'string' ? {} : value;
				add((parent.children ??= {}), top.name, value);
			} else if (top && next === BANG) {
				this.markup(top);
			} else if (next === QUESTION) {
				this.fail('a processing instruction is not allowed');
			} else {
				const { name, empty } = this.openTag(stack.length);
				if (!empty) stack.push({ name, text: '' });
				else if (!top) return {};
				else add((top.children ??= {}), name, '');
			}
			this.text(stack[stack.length - 1]);
		}
	}

	/** An element's start: its name, its attributes (checked, not kept), `>` or `/>` (`empty`). */
	private openTag(depth: number): { name: string; empty: boolean } {
		NAME.lastIndex = this.i + 1;
		const m = NAME.exec(this.s);
		if (!m) this.fail('a "<" that starts no element');
		const name = m[0];
		this.i = NAME.lastIndex;
		const empty = this.attributes();
		if (++this.elements > MAX_ELEMENTS) refuse('too many elements');
		if (depth >= MAX_DEPTH) refuse('elements nested too deeply');
		if (depth === 0 && name !== 'xml') refuse(`the root element is <${shown(name)}>, not <xml>`);
		return { name, empty };
	}

	/** Returns whether the tag closed itself (`/>`). */
	private attributes(): boolean {
		const s = this.s;
		let seen: Set<string> | undefined;
		for (;;) {
			const before = this.i;
			while (isSpace(s.charCodeAt(this.i))) this.i++;
			const c = s.charCodeAt(this.i);
			if (c === GT) {
				this.i++;
				return false;
			}
			if (c === SLASH) {
				if (s.charCodeAt(this.i + 1) !== GT) this.fail('a "/" in a tag not followed by ">"');
				this.i += 2;
				return true;
			}
			if (this.i >= s.length) this.fail('the document ends inside a tag');
			if (this.i === before) this.fail('a character not allowed in a tag');
			const nameAt = this.i;
			NAME.lastIndex = nameAt;
			const m = NAME.exec(s);
			if (!m) this.fail('a character not allowed in a tag');
			const name = m[0];
			this.i = NAME.lastIndex;
			while (isSpace(s.charCodeAt(this.i))) this.i++;
			if (s.charCodeAt(this.i) !== EQUALS) this.fail(`the attribute ${shown(name)} has no value`);
			this.i++;
			while (isSpace(s.charCodeAt(this.i))) this.i++;
			const quote = s.charCodeAt(this.i);
			if (quote !== DQUOTE && quote !== SQUOTE) this.fail(`the value of the attribute ${shown(name)} is not quoted`);
			const start = this.i + 1;
			const end = s.indexOf(quote === DQUOTE ? '"' : "'", start);
			if (end < 0) this.fail('the document ends inside a tag');
			const value = s.slice(start, end);
			const lt = value.indexOf('<');
			if (lt >= 0) {
				this.i = start + lt;
				this.fail('a "<" in an attribute value');
			}
			this.resolve(value, start);
			seen ??= new Set();
			if (seen.has(name)) {
				this.i = nameAt;
				this.fail(`the attribute ${shown(name)} appears twice`);
			}
			seen.add(name);
			this.i = end + 1;
		}
	}

	private closeTag(name: string): void {
		const s = this.s;
		let j = this.i + 2;
		if (s.startsWith(name, j)) {
			j += name.length;
			while (isSpace(s.charCodeAt(j))) j++;
			if (s.charCodeAt(j) === GT) {
				this.i = j + 1;
				return;
			}
		}
		this.fail(`a closing tag that does not close <${shown(name)}>`);
	}

	/** `<!`: a comment, a CDATA section (its text kept as written), or refused. */
	private markup(frame: Frame): void {
		const s = this.s;
		if (s.startsWith('<!--', this.i)) return this.comment();
		if (!s.startsWith('<![CDATA[', this.i)) {
			if (s.startsWith('<!DOCTYPE', this.i)) refuse('a DOCTYPE is not allowed');
			this.fail('a "<!" that starts no comment or CDATA section');
		}
		const start = this.i + 9;
		const end = s.indexOf(']]>', start);
		if (end < 0) this.fail('a CDATA section that does not end');
		if (frame.children === undefined) frame.text += newlines(s.slice(start, end));
		this.i = end + 3;
	}

	private comment(): void {
		const end = this.s.indexOf('--', this.i + 4);
		if (end < 0) this.fail('a comment that does not end');
		if (this.s.charCodeAt(end + 2) !== GT) {
			this.i = end;
			this.fail('"--" inside a comment');
		}
		this.i = end + 3;
	}

	/** Text up to the next tag; kept while the element has no child element (mixed text is layout). */
	private text(frame: Frame): void {
		const s = this.s;
		const start = this.i;
		const end = s.indexOf('<', start);
		if (end < 0) {
			this.i = s.length;
			this.fail(`the document ends inside <${shown(frame.name)}>`);
		}
		if (end > start) {
			const raw = s.slice(start, end);
			const cdataEnd = raw.indexOf(']]>');
			if (cdataEnd >= 0) {
				this.i = start + cdataEnd;
				this.fail('"]]>" in text');
			}
			const value = this.resolve(raw, start);
			if (frame.children === undefined) frame.text += value;
		}
		this.i = end;
	}

	/** Replaces the references in a piece of text (at `offset` in the document), refusing any other `&`. */
	private resolve(raw: string, offset: number): string {
		let amp = raw.indexOf('&');
		if (amp < 0) return newlines(raw);
		let out = '';
		let last = 0;
		while (amp >= 0) {
			out += newlines(raw.slice(last, amp));
			REFERENCE.lastIndex = amp;
			const m = REFERENCE.exec(raw);
			if (!m) this.badReference(raw, offset, amp);
			if (m[3] !== undefined) out += PREDEFINED[m[3]];
			else {
				const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
				if (!isXmlChar(code)) {
					this.i = offset + amp;
					this.fail(`the character reference ${shown(m[0])} is not a character XML allows`);
				}
				out += String.fromCodePoint(code);
			}
			last = REFERENCE.lastIndex;
			amp = raw.indexOf('&', last);
		}
		return out + newlines(raw.slice(last));
	}

	private badReference(raw: string, offset: number, amp: number): never {
		this.i = offset + amp;
		NAME.lastIndex = amp + 1;
		const name = NAME.exec(raw);
		if (name && raw.charCodeAt(NAME.lastIndex) === 0x3b) this.fail(`undefined entity ${shown(`&${name[0]};`)}`);
		this.fail('a "&" that starts no entity or character reference');
	}
}

/**
 * Reads a WeChat XML document from its bytes (UTF-8, root element `xml`). Element names keep
 * WeChat's case; every value stays text (CDATA and plain text alike), so a 64-bit MsgId stays exact.
 */
export function parseWeChatXml(bytes: Uint8Array): XmlObject {
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		refuse('the body is not UTF-8');
	}
	return new WeChatXmlReader(text).read();
}
