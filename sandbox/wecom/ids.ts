import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `prefix` + random letters and digits, e.g. `wk` + 30 for an open_kfid, `wm` + 30 for an external_userid. */
export function newId(prefix: string, length: number): string {
	const bytes = randomBytes(length);
	let out = prefix;
	for (let i = 0; i < length; i += 1) out += ALPHABET[bytes[i] % ALPHABET.length];
	return out;
}
