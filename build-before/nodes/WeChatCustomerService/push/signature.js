"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pushSignature = pushSignature;
exports.signatureMatches = signatureMatches;
const node_crypto_1 = require("node:crypto");
function pushSignature(...parts) {
    return (0, node_crypto_1.createHash)('sha1').update([...parts].sort().join(''), 'utf8').digest('hex');
}
function signatureMatches(expected, given) {
    if (typeof given !== 'string')
        return false;
    const a = Buffer.from(expected, 'utf8');
    const b = Buffer.from(given, 'utf8');
    return a.length === b.length && (0, node_crypto_1.timingSafeEqual)(a, b);
}
