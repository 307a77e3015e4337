// Every WeCom corp the sandbox knows and the access tokens it issued (gettoken).
import { randomBytes } from 'node:crypto';

import type { SandboxClock } from '../clock';
import { WeComCorp } from './corp';
import { SANDBOX_WECOM } from './demoCredential';
import { weComError } from './errors';

export const WECOM_TOKEN_LIFETIME = 7200;

export interface WeComToken {
	token: string;
	corpId: string;
	expiresAt: number;
	/** Set when WeCom invalidated it early: from then on it answers 40014. */
	revoked?: boolean;
}

export class WeComState {
	corps = new Map<string, WeComCorp>();
	tokens = new Map<string, WeComToken>();

	constructor(readonly clock: SandboxClock) {
		this.addCorp(SANDBOX_WECOM.corpId, SANDBOX_WECOM.secret);
	}

	addCorp(corpId: string, secret: string): WeComCorp {
		const corp = new WeComCorp(corpId, secret, this.clock);
		this.corps.set(corpId, corp);
		return corp;
	}

	/** The sandbox's own corp (the demo credential's). */
	get demoCorp(): WeComCorp {
		return this.corps.get(SANDBOX_WECOM.corpId) as WeComCorp;
	}

	/** gettoken: within its lifetime the same token comes back with the seconds it has left. */
	issueToken(corpId: string, secret: string): { access_token: string; expires_in: number } {
		if (!corpId) throw weComError(41002);
		if (!secret) throw weComError(41004);
		const corp = this.corps.get(corpId);
		if (!corp) throw weComError(40013);
		if (secret !== corp.secret) throw weComError(40001);
		const now = this.clock.now();
		const current = [...this.tokens.values()].find((t) => t.corpId === corpId && !t.revoked && t.expiresAt > now);
		if (current) return { access_token: current.token, expires_in: current.expiresAt - now };
		const token = `WW_${randomBytes(48).toString('base64url')}`;
		this.tokens.set(token, { token, corpId, expiresAt: now + WECOM_TOKEN_LIFETIME });
		return { access_token: token, expires_in: WECOM_TOKEN_LIFETIME };
	}

	/** WeCom may invalidate a corp's token before it expires. */
	revokeTokens(corpId: string): void {
		for (const t of this.tokens.values()) if (t.corpId === corpId) t.revoked = true;
	}

	isWeComToken(value: string | undefined): boolean {
		return value !== undefined && this.tokens.has(value);
	}

	/** The corp behind an API call's access_token: 41001 missing, 40014 unknown or revoked, 42001 expired. */
	corpOf(accessToken: string | undefined): WeComCorp {
		if (!accessToken) throw weComError(41001);
		const token = this.tokens.get(accessToken);
		if (!token || token.revoked) throw weComError(40014);
		if (this.clock.now() >= token.expiresAt) throw weComError(42001);
		const corp = this.corps.get(token.corpId) as WeComCorp;
		if (corp.ipNotAllowed) throw weComError(60020);
		if (corp.apiForbidden) throw weComError(48002);
		return corp;
	}
}
