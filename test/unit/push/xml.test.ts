import { PushRejected } from '../../../nodes/shared/push/errors';
import { readMessage, toItem } from '../../../nodes/WeChatCustomerService/push/message';
import { buildWeChatXml, parseWeChatXml } from '../../../nodes/shared/push/xml';
import { SAFE } from './vectors';

const parse = (xml: string) => parseWeChatXml(Buffer.from(xml, 'utf8'));

function refusal(xml: string | Buffer): string {
	try {
		parseWeChatXml(typeof xml === 'string' ? Buffer.from(xml) : xml);
	} catch (error) {
		if (error instanceof PushRejected && error.status === 400) return error.message;
		throw error;
	}
	throw new Error('expected a 400 refusal');
}

describe('WeChat XML', () => {
	it('keeps WeChat’s element names, CDATA text and the 64-bit MsgId as text', () => {
		expect(parse(SAFE.xml)).toEqual({
			ToUserName: 'gh_3f9c2a7e5b1d',
			FromUserName: 'oN8nKfUserA1b2C3d4E5f6G7h8i9',
			CreateTime: '1767225600',
			MsgType: 'text',
			Content: '你好，我要转人工客服',
			MsgId: '7460012345678901234',
		});
	});

	it('reads one element per line, nested blocks, repeated elements, empty elements and unknown ones', () => {
		const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xml>
  <ToUserName><![CDATA[gh_x]]></ToUserName>
  <Location_X>30.195360</Location_X>
  <EventKey><![CDATA[]]></EventKey>
  <Empty/>
  <SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum>a</PicMd5Sum></item><item><PicMd5Sum>b</PicMd5Sum></item></PicList></SendPicsInfo>
  <Content>a &lt; b &amp; c &#20320;</Content>
  <!-- a comment -->
  <NewField>kept</NewField>
</xml>`;
		expect(parse(xml)).toEqual({
			ToUserName: 'gh_x',
			Location_X: '30.195360',
			EventKey: '',
			Empty: '',
			SendPicsInfo: { Count: '2', PicList: { item: [{ PicMd5Sum: 'a' }, { PicMd5Sum: 'b' }] } },
			Content: 'a < b & c 你',
			NewField: 'kept',
		});
	});

	it('refuses a DOCTYPE, external and internal entities', () => {
		expect(refusal('<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><A>&x;</A></xml>')).toBe(
			'The XML was refused: a DOCTYPE is not allowed',
		);
		expect(refusal('<!DOCTYPE xml><xml/>')).toBe('The XML was refused: a DOCTYPE is not allowed');
		expect(refusal('<xml><A>&x;</A></xml>')).toMatch(/^The XML was refused: .*undefined entity/);
	});

	it('refuses malformed XML, another root, non-UTF-8 bytes and an empty body', () => {
		expect(refusal('<xml><A>1</B></xml>')).toMatch(/^The XML was refused: /);
		expect(refusal('<xml><A>1</A>')).toMatch(/^The XML was refused: /);
		expect(refusal('<root><A>1</A></root>')).toBe('The XML was refused: the root element is <root>, not <xml>');
		expect(refusal(Buffer.from([0x3c, 0x78, 0x6d, 0x6c, 0x3e, 0xff, 0x3c, 0x2f, 0x78, 0x6d, 0x6c, 0x3e]))).toBe(
			'The XML was refused: the body is not UTF-8',
		);
		expect(refusal('')).toMatch(/^The XML was refused: /);
		expect(refusal('{"json": true}')).toMatch(/^The XML was refused: /);
	});

	it('refuses deep nesting', () => {
		expect(refusal(`<xml>${'<a>'.repeat(20)}${'</a>'.repeat(20)}</xml>`)).toBe(
			'The XML was refused: elements nested too deeply',
		);
	});

	it('reads elements named like Object.prototype members as ordinary fields, own data properties of plain objects', () => {
		const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
		const xml = `<xml><MsgType>text</MsgType>${names.map((n) => `<${n}>${n[0]}1</${n}>`).join('')}<constructor>c2</constructor><B><__proto__><x>1</x></__proto__></B></xml>`;
		const fields = parse(xml);
		expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
		expect(Object.keys(fields)).toEqual(['MsgType', ...names, 'B']);
		expect(Object.getOwnPropertyDescriptor(fields, 'constructor')).toEqual({ value: ['c1', 'c2'], writable: true, enumerable: true, configurable: true });
		expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toBe('_1');
		expect(fields.toString).toBe('t1');
		expect(fields.hasOwnProperty).toBe('h1');
		expect(fields.valueOf).toBe('v1');
		const nested = fields.B as Record<string, unknown>;
		expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value).toEqual({ x: '1' });
		expect(JSON.stringify(fields)).toBe(
			'{"MsgType":"text","constructor":["c1","c2"],"toString":"t1","__proto__":"_1","hasOwnProperty":"h1","valueOf":"v1","B":{"__proto__":{"x":"1"}}}',
		);
	});

	it('hands those fields to the trigger’s item as own data properties', () => {
		const xml = `<xml><ToUserName>gh_x</ToUserName><FromUserName>o1</FromUserName><CreateTime>1767225600</CreateTime><MsgType>text</MsgType><__proto__>p</__proto__><constructor>c</constructor><toString>t</toString></xml>`;
		const item = toItem(readMessage(parse(xml)), { encrypted: false, reply: 'success', timeZone: 'UTC' });
		expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
		for (const [name, value] of [['__proto__', 'p'], ['constructor', 'c'], ['toString', 't']]) {
			expect(Object.getOwnPropertyDescriptor(item, name)).toEqual({ value, writable: true, enumerable: true, configurable: true });
		}
		expect(JSON.parse(JSON.stringify(item))).toMatchObject({ constructor: 'c', toString: 't', CreateTime: 1767225600 });
	});

	it('reads CDATA split around "]]>", text and CDATA mixed, and skips comments', () => {
		expect(parse('<xml><A><![CDATA[x]]]]><![CDATA[>y]]></A><B>a<![CDATA[<b>&amp;]]>c<!-- no -->d</B><C><![CDATA[]]]]></C></xml>')).toEqual({
			A: 'x]]>y',
			B: 'a<b>&amp;cd',
			C: ']]',
		});
	});

	it('reads the five entities and character references, decimal and hex, up to U+10FFFF', () => {
		expect(parse('<xml><A>&lt;&gt;&amp;&quot;&apos;</A><B>&#20320;&#x597D;&#x597d;&#128512;&#x10FFFF;&#9;&#0065;</B></xml>')).toEqual({
			A: `<>&"'`,
			B: '你好好😀\u{10FFFF}\tA',
		});
	});

	it('refuses unknown entities and character references to characters XML does not allow', () => {
		expect(refusal('<xml><A>&nbsp;</A></xml>')).toBe('The XML was refused: undefined entity &nbsp; (line 1, column 9)');
		for (const ref of ['&#0;', '&#x8;', '&#xB;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#xFFFF;', '&#x110000;', '&#99999999999;']) {
			expect(refusal(`<xml><A>${ref}</A></xml>`)).toBe(`The XML was refused: the character reference ${ref} is not a character XML allows (line 1, column 9)`);
		}
		for (const ref of ['&#X41;', '&#;', '&#x;', '&amp', '& ;', '&#1a;']) {
			expect(refusal(`<xml><A>${ref}</A></xml>`)).toBe('The XML was refused: a "&" that starts no entity or character reference (line 1, column 9)');
		}
	});

	it('reads line ends as LF, except a CR written as a character reference; keeps whitespace-only values', () => {
		expect(parse('<xml>\r\n  <A>a\r\nb\rc</A>\r\n  <B><![CDATA[d\r\ne]]></B><C>&#13;&#xD;\n</C><D>  </D><E>\t</E>\r\n</xml>\r\n')).toEqual({
			A: 'a\nb\nc',
			B: 'd\ne',
			C: '\r\r\n',
			D: '  ',
			E: '\t',
		});
	});

	it('checks attributes as XML requires and leaves them out', () => {
		expect(parse(`<xml id="1"><A type='x' b = "&amp;&#65;'" c=">"/><B a="1">t</B></xml>`)).toEqual({ A: '', B: 't' });
		expect(refusal('<xml><A b="1" b="2"/></xml>')).toBe('The XML was refused: the attribute b appears twice (line 1, column 15)');
		expect(refusal('<xml><A b=1/></xml>')).toBe('The XML was refused: the value of the attribute b is not quoted (line 1, column 11)');
		expect(refusal('<xml><A b="<"/></xml>')).toBe('The XML was refused: a "<" in an attribute value (line 1, column 12)');
		expect(refusal('<xml><A b="1"c="2"/></xml>')).toBe('The XML was refused: a character not allowed in a tag (line 1, column 14)');
		expect(refusal('<xml><A b/></xml>')).toBe('The XML was refused: the attribute b has no value (line 1, column 10)');
		expect(refusal('<xml><A b="&x;"/></xml>')).toBe('The XML was refused: undefined entity &x; (line 1, column 12)');
	});

	it('reads an XML declaration for version 1.0 in UTF-8, and a byte order mark', () => {
		for (const decl of ['<?xml version="1.0"?>', "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>", '<?xml version = "1.0"\n encoding="UTF-8"?>']) {
			expect(parse(`${decl}\n<xml><A>1</A></xml>`)).toEqual({ A: '1' });
		}
		expect(parse('\uFEFF<?xml version="1.0"?><xml><A>1</A></xml>')).toEqual({ A: '1' });
		expect(refusal('<?xml version="1.0" encoding="GBK"?><xml/>')).toBe('The XML was refused: the XML declaration says encoding "GBK"; only UTF-8 is read');
		expect(refusal('<?xml version="1.1"?><xml/>')).toBe('The XML was refused: the XML declaration says version "1.1"; only 1.0 is read');
		expect(refusal('<?xml version="1.0"encoding="UTF-8"?><xml/>')).toBe('The XML was refused: a malformed XML declaration (line 1, column 1)');
		expect(refusal('<?xml encoding="UTF-8"?><xml/>')).toBe('The XML was refused: a malformed XML declaration (line 1, column 1)');
		expect(refusal(' <?xml version="1.0"?><xml/>')).toBe('The XML was refused: a processing instruction is not allowed (line 1, column 2)');
		expect(refusal('\uFEFF\uFEFF<xml/>')).toBe('The XML was refused: text outside the <xml> element (line 1, column 1)');
	});

	it('refuses processing instructions, and anything but whitespace after the root', () => {
		expect(refusal('<?xml-stylesheet href="a"?><xml/>')).toBe('The XML was refused: a processing instruction is not allowed (line 1, column 1)');
		expect(refusal('<xml><?pi x?></xml>')).toBe('The XML was refused: a processing instruction is not allowed (line 1, column 6)');
		expect(refusal('<xml/><!-- c -->')).toBe('The XML was refused: only whitespace may follow </xml> (line 1, column 7)');
		expect(refusal('<xml></xml>\nx')).toBe('The XML was refused: only whitespace may follow </xml> (line 2, column 1)');
		expect(refusal('<xml></xml><xml></xml>')).toBe('The XML was refused: only whitespace may follow </xml> (line 1, column 12)');
		expect(parse('<!-- before --><xml><A>1</A></xml>\n\t ')).toEqual({ A: '1' });
	});

	it('refuses what XML does not allow in text, comments and CDATA', () => {
		expect(refusal('<xml><A>a]]>b</A></xml>')).toBe('The XML was refused: "]]>" in text (line 1, column 10)');
		expect(refusal('<xml><A>a\u0000</A></xml>')).toBe('The XML was refused: the character U+0000 is not allowed in XML (line 1, column 10)');
		expect(refusal('<xml><A>\uFFFE</A></xml>')).toBe('The XML was refused: the character U+FFFE is not allowed in XML (line 1, column 9)');
		expect(refusal('<xml><!-- a -- b --></xml>')).toBe('The XML was refused: "--" inside a comment (line 1, column 13)');
		expect(refusal('<xml><A><![CDATA[x</A></xml>')).toBe('The XML was refused: a CDATA section that does not end (line 1, column 9)');
		expect(refusal('<![CDATA[x]]><xml/>')).toBe('The XML was refused: a "<" that starts no element (line 1, column 1)');
		expect(refusal('<xml><!ELEMENT a></xml>')).toBe('The XML was refused: a "<!" that starts no comment or CDATA section (line 1, column 6)');
		expect(refusal('<xml><A>1</B></xml>')).toBe('The XML was refused: a closing tag that does not close <A> (line 1, column 10)');
		expect(refusal('<xml>\n<A>1')).toBe('The XML was refused: the document ends inside <A> (line 2, column 5)');
		// What the document names is cut short in the answer.
		expect(refusal(`<xml><${'B'.repeat(100)}>1</xml>`)).toBe(`The XML was refused: a closing tag that does not close <${'B'.repeat(39)}…> (line 1, column 109)`);
		expect(refusal(`<x${'😀'.repeat(50)}/>`)).toBe(`The XML was refused: the root element is <x${'😀'.repeat(38)}…>, not <xml>`);
		expect(refusal(`<x${'😀'.repeat(39)}/>`)).toBe(`The XML was refused: the root element is <x${'😀'.repeat(39)}>, not <xml>`);
	});

	it('refuses 10,000 nested levels and 100,000 sibling elements at the limit, before reading on', () => {
		const nested = (levels: number) => `<xml>${'<a>'.repeat(levels - 1)}${'</a>'.repeat(levels - 1)}</xml>`;
		expect(parse(nested(16))).toBeDefined();
		expect(refusal(nested(17))).toBe('The XML was refused: elements nested too deeply');
		expect(refusal(nested(10_000))).toBe('The XML was refused: elements nested too deeply');
		const siblings = (count: number) => `<xml>${'<a/>'.repeat(count - 1)}</xml>`;
		expect((parse(siblings(5000)).a as string[]).length).toBe(4999);
		expect(refusal(siblings(5001))).toBe('The XML was refused: too many elements');
		// The refusal comes at the limit: what follows it, even malformed, is never read.
		expect(refusal(`${siblings(100_000).slice(0, -6)}<a></b>&x;`)).toBe('The XML was refused: too many elements');
		expect(refusal(`<xml>${'<a>'.repeat(10_000)}</b>&x;`)).toBe('The XML was refused: elements nested too deeply');
	});

	it('builds replies with CDATA (escaping "]]>") and bare numbers', () => {
		const xml = buildWeChatXml({ A: 'x]]>y', B: 5, C: { D: 'e' } });
		expect(xml).toBe('<xml><A><![CDATA[x]]]]><![CDATA[>y]]></A><B>5</B><C><D><![CDATA[e]]></D></C></xml>');
		expect(parse(xml)).toEqual({ A: 'x]]>y', B: '5', C: { D: 'e' } });
	});
});
