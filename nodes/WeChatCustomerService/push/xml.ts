import { SaxesParser } from 'saxes';

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

function malformed(reason: string): never {
	throw new PushRejected(400, `The XML was refused: ${reason}`);
}

interface Frame {
	name: string;
	text: string;
	children?: XmlObject;
}

function add(parent: XmlObject, name: string, value: XmlValue): void {
	const existing = parent[name];
	if (existing === undefined) parent[name] = value;
	else if (Array.isArray(existing)) existing.push(value);
	else parent[name] = [existing, value];
}

/**
 * Parses a WeChat XML document from its bytes with a strict XML 1.0 parser (saxes): no DTD,
 * no entity but the five predefined ones and character references, root element `xml`.
 * Element names keep WeChat's case; every value stays text (CDATA and plain text alike).
 */
export function parseWeChatXml(bytes: Uint8Array): XmlObject {
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		malformed('the body is not UTF-8');
	}
	const parser = new SaxesParser({ position: true });
	const stack: Frame[] = [];
	let root: XmlObject | undefined;
	let count = 0;
	parser.on('error', (error) => malformed(error.message));
	parser.on('doctype', () => malformed('a DOCTYPE is not allowed'));
	parser.on('opentag', (tag) => {
		if (++count > MAX_ELEMENTS) malformed('too many elements');
		if (stack.length >= MAX_DEPTH) malformed('elements nested too deeply');
		if (stack.length === 0 && tag.name !== 'xml') malformed(`the root element is <${tag.name}>, not <xml>`);
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
		// Whitespace between child elements is layout, not content.
		const value: XmlValue = frame.children ?? frame.text;
		const parent = stack[stack.length - 1];
		if (parent) add((parent.children ??= {}), frame.name, value);
		else root = typeof value === 'string' ? {} : value;
	});
	parser.write(text).close();
	if (!root) malformed('no <xml> element');
	return root;
}

function cdata(value: string): string {
	return `<![CDATA[${value.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

/** Serialises a reply: strings in CDATA, numbers bare, objects as nested elements. */
export function buildWeChatXml(fields: Record<string, string | number | Record<string, string>>): string {
	const body = Object.entries(fields)
		.map(([name, value]) => {
			if (typeof value === 'number') return `<${name}>${value}</${name}>`;
			if (typeof value === 'string') return `<${name}>${cdata(value)}</${name}>`;
			return `<${name}>${Object.entries(value)
				.map(([n, v]) => `<${n}>${cdata(v)}</${n}>`)
				.join('')}</${name}>`;
		})
		.join('');
	return `<xml>${body}</xml>`;
}
