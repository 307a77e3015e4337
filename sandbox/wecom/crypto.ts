// WeCom's callback crypto. The AES frame is the Official Account's safe mode with the CorpID as
// the trailing receive id: AES-256-CBC, key = base64(EncodingAESKey + "="), IV = the key's first 16
// bytes, plaintext = random(16) ‖ length (4 bytes, big-endian) ‖ message ‖ CorpID, PKCS#7 padded
// to 32-byte blocks. The sandbox's push module already implements that frame; WeCom adds only
// msg_signature = sha1 of the sorted token, timestamp, nonce and ciphertext.
import { createHash, randomInt } from 'node:crypto';

import { sandboxDecrypt, sandboxEncrypt } from '../push';

export function weComEncrypt(encodingAESKey: string, corpId: string, message: string): string {
	return sandboxEncrypt(encodingAESKey, corpId, message);
}

export function weComDecrypt(encodingAESKey: string, encrypted: string): { message: string; receiveId: string } {
	const opened = sandboxDecrypt(encodingAESKey, encrypted);
	return { message: opened.xml, receiveId: opened.appId };
}

export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
	return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

export function newNonce(): string {
	return String(randomInt(100000000, 2000000000));
}
