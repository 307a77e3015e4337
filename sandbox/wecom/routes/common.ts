// Helpers every WeCom route file may use; a route file never imports a sibling route file.
import type { ReceivedRequest, SandboxContext } from '../../types';
import type { WeComCorp } from '../corp';
import { weComError } from '../errors';

/** The corp of the call's access_token (41001, 40014, 42001, then 60020/48002 for the corp). */
export function corpOf(req: ReceivedRequest, sb: SandboxContext): WeComCorp {
	return sb.state.wecom.corpOf(req.query.access_token);
}

/** A JSON object body: empty → 44002, not a JSON object → 47001. */
export function body(req: ReceivedRequest): Record<string, unknown> {
	if (req.rawBody.length === 0) throw weComError(44002);
	if (typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) throw weComError(47001);
	return req.json as Record<string, unknown>;
}

export const byteLength = (value: string) => Buffer.byteLength(value, 'utf8');
export const charLength = (value: string) => [...value].length;

/** A required non-empty string field, or 40058 naming it. */
export function requiredString(b: Record<string, unknown>, field: string, maxBytes?: number): string {
	const value = b[field];
	if (typeof value !== 'string' || value === '') throw weComError(40058, `${field} missing`);
	if (maxBytes !== undefined && byteLength(value) > maxBytes) throw weComError(40058, `${field} exceeds ${maxBytes} bytes`);
	return value;
}

/** An optional integer field within [min, max], or 40058 naming it. */
export function optionalInt(b: Record<string, unknown>, field: string, min: number, max: number, fallback: number): number {
	const value = b[field];
	if (value === undefined) return fallback;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw weComError(40058, `${field} must be an integer from ${min} to ${max}`);
	}
	return value;
}

/** `[0-9a-zA-Z_-]` up to `max` bytes (scene, msgid). */
export function checkToken(value: unknown, field: string, max: number): string {
	if (typeof value !== 'string' || !/^[0-9a-zA-Z_-]+$/.test(value) || value.length > max) {
		throw weComError(40058, `${field} must be 1-${max} characters of [0-9a-zA-Z_-]`);
	}
	return value;
}

/** An opaque paging cursor over a list position. */
export function encodeCursor(kind: string, position: number): string {
	return Buffer.from(`${kind}:${position}`).toString('base64url');
}

export function decodeCursor(kind: string, cursor: unknown): number {
	if (cursor === undefined || cursor === '') return 0;
	const text = typeof cursor === 'string' ? Buffer.from(cursor, 'base64url').toString() : '';
	const match = new RegExp(`^${kind}:(\\d+)$`).exec(text);
	if (!match) throw weComError(40058, 'invalid cursor');
	return Number(match[1]);
}
