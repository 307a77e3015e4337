// The push XML reader against saxes over generated and mutated documents: where saxes reads a
// document inside the subset the trigger accepts, the same fields and values; anywhere else, a 400.
// XML_DIFFERENTIAL_SEED and XML_DIFFERENTIAL_COUNT run other or more documents by hand.
import { PushRejected } from '../../../nodes/shared/push/errors';
import { parseWeChatXml, type XmlObject } from '../../../nodes/shared/push/xml';
import { readWithSaxes } from './saxesReference';
import { mulberry32 } from '../../../sandbox/records';
import { documents, mutateBytes, mutateText, pushDocument } from './xmlDocuments';

const SEED = Number(process.env.XML_DIFFERENTIAL_SEED ?? 20261207);
const COUNT = Number(process.env.XML_DIFFERENTIAL_COUNT ?? 100_000);

const MINIMUM = {
	bothRead: 20_000,
	bothRefused: 50_000,
	outsideSubset: 10_000,
	objectPrototypeNames: 4_000,
	nested: 5_000,
	repeated: 5_000,
	notUtf8: 1_500,
};

type Outcome = { ok: true; value: XmlObject } | { ok: false; reason: string };

function readOurs(bytes: Buffer): Outcome {
	try {
		return { ok: true, value: parseWeChatXml(bytes) };
	} catch (error) {
		if (error instanceof PushRejected && error.status === 400 && error.message.startsWith('The XML was refused: ')) {
			return { ok: false, reason: error.message };
		}
		throw error;
	}
}

/** Own enumerable properties only, in order, arrays as arrays: what the trigger's item gets. */
const shape = (value: unknown) => JSON.stringify(value);

function hasPlainObjects(value: unknown): boolean {
	if (typeof value === 'string') return true;
	if (Array.isArray(value)) return value.every(hasPlainObjects);
	return Object.getPrototypeOf(value) === Object.prototype && Object.values(value as object).every(hasPlainObjects);
}

describe('the push XML reader against saxes', () => {
	it('generates documents of every kind, the same for the same seed', () => {
		const a = [...documents(7, 300)].map((b) => b.toString('latin1'));
		const b = [...documents(7, 300)].map((b) => b.toString('latin1'));
		expect(a).toEqual(b);
		const r = mulberry32(1);
		const doc = pushDocument(r);
		expect(doc).toContain('<xml');
		expect(mutateText(r, doc)).not.toBe(doc);
		expect(mutateBytes(r, Buffer.from(doc)).equals(Buffer.from(doc))).toBe(false);
	});

	it(`agrees on ${COUNT.toLocaleString('en-US')} generated and mutated documents`, () => {
		const seen = { bothRead: 0, bothRefused: 0, outsideSubset: 0, objectPrototypeNames: 0, nested: 0, repeated: 0, notUtf8: 0 };
		const disagreements: string[] = [];
		for (const bytes of documents(SEED, COUNT)) {
			const reference = readWithSaxes(bytes);
			const ours = readOurs(bytes);
			const same = reference.ok === ours.ok && (!reference.ok || (ours.ok && shape(ours.value) === shape(reference.value)));
			if (!same || (ours.ok && !hasPlainObjects(ours.value))) {
				if (disagreements.length < 5) {
					disagreements.push(
						`${JSON.stringify(bytes.toString('utf8'))}\n  saxes: ${reference.ok ? shape(reference.value) : reference.reason}\n  ours:  ${
							ours.ok ? shape(ours.value) : ours.reason
						}`,
					);
				}
				continue;
			}
			if (!reference.ok) {
				seen.bothRefused++;
				if (reference.outsideSubset) seen.outsideSubset++;
				if (reference.reason === 'not UTF-8') seen.notUtf8++;
				continue;
			}
			seen.bothRead++;
			const text = shape(reference.value);
			if (/"(constructor|toString|__proto__|hasOwnProperty|valueOf)":/.test(text)) seen.objectPrototypeNames++;
			if (/:\{/.test(text)) seen.nested++;
			if (/:\[/.test(text)) seen.repeated++;
		}
		expect(disagreements).toEqual([]);
		// The run covers what it claims: enough of each kind for a difference to show.
		if (COUNT === 100_000) {
			const short = Object.entries(MINIMUM).filter(([kind, min]) => seen[kind as keyof typeof seen] < min);
			expect({ seen, short }).toEqual({ seen, short: [] });
		}
	});
});
