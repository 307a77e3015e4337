"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isEncodingAESKey = isEncodingAESKey;
exports.aesKeyOf = aesKeyOf;
exports.encryptMessage = encryptMessage;
exports.decryptMessage = decryptMessage;
const node_crypto_1 = require("node:crypto");
const errors_1 = require("./errors");
const BLOCK = 32;
const KEY_PATTERN = /^[A-Za-z0-9]{43}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;
function isEncodingAESKey(value) {
    return KEY_PATTERN.test(value);
}
function aesKeyOf(encodingAESKey) {
    if (!isEncodingAESKey(encodingAESKey)) {
        throw new Error('The EncodingAESKey must be 43 letters and digits');
    }
    return Buffer.from(`${encodingAESKey}=`, 'base64');
}
function encryptMessage(key, xml, appId, random = (0, node_crypto_1.randomBytes)(16)) {
    const msg = Buffer.from(xml, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(msg.length, 0);
    const frame = Buffer.concat([random, length, msg, Buffer.from(appId, 'utf8')]);
    const pad = BLOCK - (frame.length % BLOCK);
    const cipher = (0, node_crypto_1.createCipheriv)('aes-256-cbc', key, key.subarray(0, 16));
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([frame, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}
function refuse(reason) {
    throw new errors_1.PushRejected(401, `The encrypted message was refused: ${reason}`);
}
function decryptMessage(key, encrypted, appId) {
    if (!BASE64_PATTERN.test(encrypted) || encrypted.length % 4 !== 0)
        refuse('the Encrypt text is not base64');
    const data = Buffer.from(encrypted, 'base64');
    if (data.length === 0 || data.length % BLOCK !== 0)
        refuse('the ciphertext length is not a multiple of 32');
    const decipher = (0, node_crypto_1.createDecipheriv)('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const frame = Buffer.concat([decipher.update(data), decipher.final()]);
    const pad = frame[frame.length - 1];
    if (pad < 1 || pad > BLOCK)
        refuse('bad padding');
    for (let i = frame.length - pad; i < frame.length; i++)
        if (frame[i] !== pad)
            refuse('bad padding');
    const end = frame.length - pad;
    if (end < 20)
        refuse('the frame is too short');
    const msgLength = frame.readUInt32BE(16);
    if (20 + msgLength > end)
        refuse('the length field points outside the frame');
    if (!frame.subarray(20 + msgLength, end).equals(Buffer.from(appId, 'utf8'))) {
        refuse('the AppID inside does not match the credential');
    }
    return frame.subarray(20, 20 + msgLength);
}
