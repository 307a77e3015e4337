import { createCipheriv, createDecipheriv } from 'node:crypto';

import { aesKeyOf, decryptMessage, encryptMessage } from '../../../nodes/shared/push/crypto';
import { PushRejected } from '../../../nodes/shared/push/errors';
import { encryptedReplyXml } from '../../../nodes/WeChatCustomerService/push/reply';
import { SAFE } from './vectors';

const key = aesKeyOf(SAFE.encodingAESKey);

function rawFrame(encrypt: string): Buffer {
	const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
	d.setAutoPadding(false);
	return Buffer.concat([d.update(Buffer.from(encrypt, 'base64')), d.final()]);
}

/** Encrypts an arbitrary frame (already padded by the caller) to build broken inputs. */
function encryptFrame(frame: Buffer): string {
	const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	c.setAutoPadding(false);
	return Buffer.concat([c.update(frame), c.final()]).toString('base64');
}

function rejection(fn: () => unknown): PushRejected {
	try {
		fn();
	} catch (error) {
		if (error instanceof PushRejected) return error;
		throw error;
	}
	throw new Error('expected a rejection');
}

describe('safe-mode AES (the worked example)', () => {
	it('derives the AES key and IV from the EncodingAESKey', () => {
		expect(key.toString('hex')).toBe(SAFE.aesKeyHex);
		expect(key.subarray(0, 16).toString('hex')).toBe(SAFE.ivHex);
	});

	it('encrypts the push to exactly the Encrypt text, with 17 bytes of 32-byte PKCS#7 padding', () => {
		expect(encryptMessage(key, SAFE.xml, SAFE.appId, Buffer.from(SAFE.random))).toBe(SAFE.encrypt);
		const frame = rawFrame(SAFE.encrypt);
		expect(frame.length).toBe(SAFE.ciphertextBytes);
		expect(frame.readUInt32BE(16)).toBe(SAFE.messageBytes);
		expect(frame.subarray(16, 20).toString('hex')).toBe('00000129');
		expect([...frame.subarray(335)]).toEqual(new Array(17).fill(0x11));
		expect(frame.subarray(0, 16).toString()).toBe(SAFE.random);
	});

	it('decrypts the Encrypt text to the XML, checking the AppID', () => {
		expect(decryptMessage(key, SAFE.encrypt, SAFE.appId).toString('utf8')).toBe(SAFE.xml);
	});

	it('Node auto-padding (16-byte PKCS#7) cannot decrypt it: the vector tells the schemes apart', () => {
		const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
		expect(() => Buffer.concat([d.update(Buffer.from(SAFE.encrypt, 'base64')), d.final()])).toThrow();
	});

	it('encrypts and signs the transfer reply exactly as the reference', () => {
		const r = SAFE.reply;
		expect(Buffer.byteLength(r.xml)).toBe(r.xmlBytes);
		expect(encryptMessage(key, r.xml, SAFE.appId, Buffer.from(r.random))).toBe(r.encrypt);
		expect(rawFrame(r.encrypt).at(-1)).toBe(20);
		const envelope = encryptedReplyXml(
			r.xml,
			{ token: SAFE.token, aesKey: key, appId: SAFE.appId },
			r.timeStamp,
			r.nonce,
			Buffer.from(r.random),
		);
		expect(envelope).toBe(
			`<xml><Encrypt><![CDATA[${r.encrypt}]]></Encrypt><MsgSignature><![CDATA[${r.msgSignature}]]></MsgSignature><TimeStamp>1767225601</TimeStamp><Nonce><![CDATA[987654321]]></Nonce></xml>`,
		);
		expect(decryptMessage(key, r.encrypt, SAFE.appId).toString('utf8')).toBe(r.xml);
	});

	it('round-trips every padding length 1..32', () => {
		const seen = new Set<number>();
		for (let n = 0; n < 32; n++) {
			const xml = `<xml>${'x'.repeat(n)}</xml>`;
			const enc = encryptMessage(key, xml, SAFE.appId);
			seen.add(rawFrame(enc).at(-1) as number);
			expect(decryptMessage(key, enc, SAFE.appId).toString()).toBe(xml);
		}
		expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
	});
});

describe('decryption refuses (401)', () => {
	const frame = rawFrame(SAFE.encrypt);

	it('a wrong AppID', () => {
		const e = rejection(() => decryptMessage(key, SAFE.encrypt, 'wx0000000000000000'));
		expect([e.status, e.message]).toEqual([401, 'The encrypted message was refused: the AppID inside does not match the credential']);
	});

	it('a tampered ciphertext', () => {
		const bytes = Buffer.from(SAFE.encrypt, 'base64');
		bytes[bytes.length - 40] ^= 1;
		const e = rejection(() => decryptMessage(key, bytes.toString('base64'), SAFE.appId));
		expect(e.status).toBe(401);
	});

	it('padding 0, padding 33 and unequal padding bytes', () => {
		for (const last of [0, 33]) {
			const f = Buffer.from(frame);
			f[f.length - 1] = last;
			expect(rejection(() => decryptMessage(key, encryptFrame(f), SAFE.appId)).message).toBe(
				'The encrypted message was refused: bad padding',
			);
		}
		const f = Buffer.from(frame);
		f[f.length - 2] = 0x10;
		expect(rejection(() => decryptMessage(key, encryptFrame(f), SAFE.appId)).message).toBe(
			'The encrypted message was refused: bad padding',
		);
	});

	it('a length field pointing outside the frame', () => {
		const f = Buffer.from(frame);
		f.writeUInt32BE(10_000, 16);
		expect(rejection(() => decryptMessage(key, encryptFrame(f), SAFE.appId)).message).toBe(
			'The encrypted message was refused: the length field points outside the frame',
		);
	});

	it('a ciphertext that is not a multiple of 32 bytes, and text that is not base64', () => {
		const short = Buffer.from(SAFE.encrypt, 'base64').subarray(0, 48).toString('base64');
		expect(rejection(() => decryptMessage(key, short, SAFE.appId)).message).toBe(
			'The encrypted message was refused: the ciphertext length is not a multiple of 32',
		);
		expect(rejection(() => decryptMessage(key, 'not base64!', SAFE.appId)).message).toBe(
			'The encrypted message was refused: the Encrypt text is not base64',
		);
	});

	it('a key of the wrong shape is refused before use', () => {
		expect(() => aesKeyOf('short')).toThrow('The EncodingAESKey must be 43 letters and digits');
	});
});
