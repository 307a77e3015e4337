import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { PushRejected } from './errors';

// WeChat pads to the key size (32 bytes), not to AES's 16-byte block: Node's auto-padding
// would refuse about half of all real messages.
const BLOCK = 32;
const KEY_PATTERN = /^[A-Za-z0-9]{43}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

export function isEncodingAESKey(value: string): boolean {
	return KEY_PATTERN.test(value);
}

/**
 * AES key = base64(EncodingAESKey + '='), 32 bytes. Node's decoder ignores the 2 discarded
 * bits of the last character, which are usually non-zero in real keys.
 */
export function aesKeyOf(encodingAESKey: string): Buffer {
	if (!isEncodingAESKey(encodingAESKey)) {
		throw new Error('The EncodingAESKey must be 43 letters and digits');
	}
	return Buffer.from(`${encodingAESKey}=`, 'base64');
}

/**
 * What of a push credential must never appear in an answer, an error or a log: the Token, the
 * EncodingAESKeys as typed, and each AES key in the hex and base64 forms a message might show.
 */
export function pushSecrets(token: string, encodingAESKeys: string[], aesKeys: Array<Buffer | undefined>): string[] {
	const derived = aesKeys.flatMap((k) => (k ? [k.toString('hex'), k.toString('base64')] : []));
	return [token, ...encodingAESKeys, ...derived].filter(Boolean);
}

/** random(16) ‖ uint32 BE byte length ‖ message ‖ AppID ‖ PKCS#7(32), AES-256-CBC, IV = key[0..16]. */
export function encryptMessage(key: Buffer, xml: string, appId: string, random: Buffer = randomBytes(16)): string {
	const msg = Buffer.from(xml, 'utf8');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(msg.length, 0);
	const frame = Buffer.concat([random, length, msg, Buffer.from(appId, 'utf8')]);
	const pad = BLOCK - (frame.length % BLOCK);
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return Buffer.concat([cipher.update(Buffer.concat([frame, Buffer.alloc(pad, pad)])), cipher.final()]).toString(
		'base64',
	);
}

function refuse(reason: string): never {
	throw new PushRejected(401, `The encrypted message was refused: ${reason}`);
}

function ciphertextOf(encrypted: string): Buffer {
	if (!BASE64_PATTERN.test(encrypted) || encrypted.length % 4 !== 0) refuse('the Encrypt text is not base64');
	const data = Buffer.from(encrypted, 'base64');
	if (data.length === 0 || data.length % BLOCK !== 0) refuse('the ciphertext length is not a multiple of 32');
	return data;
}

/** The message bytes, or why this key does not open the ciphertext. */
function openWith(key: Buffer, data: Buffer, appId: string, idLabel: string): Buffer | string {
	const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
	decipher.setAutoPadding(false);
	const frame = Buffer.concat([decipher.update(data), decipher.final()]);
	const pad = frame[frame.length - 1];
	if (pad < 1 || pad > BLOCK) return 'bad padding';
	for (let i = frame.length - pad; i < frame.length; i++) if (frame[i] !== pad) return 'bad padding';
	const end = frame.length - pad;
	if (end < 20) return 'the frame is too short';
	const msgLength = frame.readUInt32BE(16);
	if (20 + msgLength > end) return 'the length field points outside the frame';
	if (!frame.subarray(20 + msgLength, end).equals(Buffer.from(appId, 'utf8'))) {
		return `the ${idLabel} inside does not match the credential`;
	}
	return frame.subarray(20, 20 + msgLength);
}

/**
 * Decrypts an `Encrypt` text strictly: length a multiple of 32, padding 1..32 with every byte
 * equal, length field inside the frame, AppID equal to `appId`. Returns the message bytes.
 */
export function decryptMessage(key: Buffer, encrypted: string, appId: string): Buffer {
	return decryptWithKeys([{ label: 'EncodingAESKey', key }], encrypted, appId).message;
}

/** A key and the credential field it comes from, as the user sees it. */
export interface LabelledKey {
	label: string;
	key: Buffer;
}

/**
 * Tries each key in order with every check of `decryptMessage` (after a key rotation a push may
 * still come encrypted with the previous key); the first that opens the message wins. A wrong
 * key fails the padding or AppID check, so the order cannot make one key read as the other.
 * `appId` is the trailing receive id: the AppID for an Official Account, the CorpID (`idLabel`) for WeCom.
 */
export function decryptWithKeys<K extends LabelledKey>(
	keys: readonly K[],
	encrypted: string,
	appId: string,
	idLabel = 'AppID',
): { message: Buffer; key: K } {
	const data = ciphertextOf(encrypted);
	const reasons: string[] = [];
	for (const k of keys) {
		const opened = openWith(k.key, data, appId, idLabel);
		if (typeof opened !== 'string') return { message: opened, key: k };
		reasons.push(keys.length === 1 ? opened : `${opened} with the ${k.label}`);
	}
	refuse(reasons.join('; '));
}
