import { PushRejected } from '../../../nodes/WeChatCustomerService/push/errors';
import { buildWeChatXml, parseWeChatXml } from '../../../nodes/WeChatCustomerService/push/xml';
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

	it('builds replies with CDATA (escaping "]]>") and bare numbers', () => {
		const xml = buildWeChatXml({ A: 'x]]>y', B: 5, C: { D: 'e' } });
		expect(xml).toBe('<xml><A><![CDATA[x]]]]><![CDATA[>y]]></A><B>5</B><C><D><![CDATA[e]]></D></C></xml>');
		expect(parse(xml)).toEqual({ A: 'x]]>y', B: '5', C: { D: 'e' } });
	});
});
