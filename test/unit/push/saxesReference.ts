// The reference for the differential test of the push XML reader: saxes (a strict XML 1.0
// parser) plus the limits and the subset the trigger reads. Test code only: the node ships none.
import { SaxesParser } from 'saxes';

import type { XmlObject, XmlValue } from '../../../nodes/shared/push/xml';

const MAX_DEPTH = 16;
const MAX_ELEMENTS = 5000;

export type ReferenceResult = { ok: true; value: XmlObject } | { ok: false; reason: string; outsideSubset: boolean };

/** Raised for a document saxes reads but that lies outside what the trigger accepts. */
class OutsideSubset extends Error {}

interface Frame {
	name: string;
	text: string;
	children?: Map<string, XmlValue[]>;
}

/** Children kept in a Map, turned into an object with own data properties only at the end. */
function toObject(children: Map<string, XmlValue[]>): XmlObject {
	const out: XmlObject = {};
	for (const [name, values] of children) {
		Object.defineProperty(out, name, {
			value: values.length === 1 ? values[0] : values,
			writable: true,
			enumerable: true,
			configurable: true,
		});
	}
	return out;
}

export function readWithSaxes(bytes: Uint8Array): ReferenceResult {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, reason: 'not UTF-8', outsideSubset: false };
	}
	const parser = new SaxesParser({ position: true });
	const stack: Frame[] = [];
	let root: XmlObject | undefined;
	let closedRoot = false;
	let count = 0;
	const outside = (why: string) => {
		throw new OutsideSubset(why);
	};
	parser.on('error', (error) => {
		throw error;
	});
	// Subset: no DTD, no processing instruction, XML 1.0 in UTF-8, nothing but whitespace after the
	// root, and one byte order mark at most (the decoder drops the first, saxes a second one).
	if (text.charCodeAt(0) === 0xfeff) return { ok: false, reason: 'a second byte order mark', outsideSubset: true };
	parser.on('doctype', () => outside('a DOCTYPE'));
	parser.on('processinginstruction', () => outside('a processing instruction'));
	parser.on('xmldecl', (decl) => {
		if (decl.version !== '1.0') outside(`version ${decl.version}`);
		if (decl.encoding !== undefined && decl.encoding.toLowerCase() !== 'utf-8') outside(`encoding ${decl.encoding}`);
	});
	parser.on('comment', () => {
		if (closedRoot) outside('a comment after the root');
	});
	parser.on('opentag', (tag) => {
		if (++count > MAX_ELEMENTS) outside('too many elements');
		if (stack.length >= MAX_DEPTH) outside('nested too deeply');
		if (stack.length === 0 && tag.name !== 'xml') outside('another root');
		stack.push({ name: tag.name, text: '' });
	});
	const onText = (t: string) => {
		const top = stack[stack.length - 1];
		if (top) top.text += t;
	};
	parser.on('text', onText);
	parser.on('cdata', onText);
	parser.on('closetag', () => {
		const frame = stack.pop() as Frame;
		const value: XmlValue = frame.children ? toObject(frame.children) : frame.text;
		const parent = stack[stack.length - 1];
		if (parent) {
			parent.children ??= new Map();
			const values = parent.children.get(frame.name);
			if (values) values.push(value);
			else parent.children.set(frame.name, [value]);
		} else {
			root = typeof value === 'string' ? {} : value;
			closedRoot = true;
		}
	});
	try {
		parser.write(text).close();
	} catch (error) {
		return { ok: false, reason: (error as Error).message, outsideSubset: error instanceof OutsideSubset };
	}
	if (!root) return { ok: false, reason: 'no root', outsideSubset: false };
	return { ok: true, value: root };
}
