import { pushSignature, signatureMatches } from '../../../nodes/shared/push/signature';
import { OFFICIAL, SAFE } from './vectors';

describe('push signatures', () => {
	it('reproduces the official GET and plain-POST examples', () => {
		expect(pushSignature(OFFICIAL.token, OFFICIAL.get.timestamp, OFFICIAL.get.nonce)).toBe(OFFICIAL.get.signature);
		expect(pushSignature(OFFICIAL.token, OFFICIAL.post.timestamp, OFFICIAL.post.nonce)).toBe(OFFICIAL.post.signature);
	});

	it('reproduces signature and msg_signature of the safe-mode example (code-unit sort: digits, upper, lower)', () => {
		expect(pushSignature(SAFE.token, SAFE.timestamp, SAFE.nonce)).toBe(SAFE.signature);
		expect(pushSignature(SAFE.token, SAFE.timestamp, SAFE.nonce, SAFE.encrypt)).toBe(SAFE.msgSignature);
		const r = SAFE.reply;
		expect(pushSignature(SAFE.token, String(r.timeStamp), r.nonce, r.encrypt)).toBe(r.msgSignature);
	});

	it('an empty fourth string gives the three-string signature', () => {
		expect(pushSignature(SAFE.token, SAFE.timestamp, SAFE.nonce, '')).toBe(SAFE.signature);
	});

	it('compares exactly: other case, other length or a non-string never match', () => {
		expect(signatureMatches(SAFE.signature, SAFE.signature)).toBe(true);
		expect(signatureMatches(SAFE.signature, SAFE.signature.toUpperCase())).toBe(false);
		expect(signatureMatches(SAFE.signature, SAFE.signature.slice(1))).toBe(false);
		expect(signatureMatches(SAFE.signature, [SAFE.signature])).toBe(false);
		expect(signatureMatches(SAFE.signature, undefined)).toBe(false);
	});
});
