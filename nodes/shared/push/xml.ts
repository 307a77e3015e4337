// WeChat's XML: pushes are read by the strict reader in xmlReader.ts; replies are written here.
export { parseWeChatXml, type XmlObject, type XmlValue } from './xmlReader';

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
